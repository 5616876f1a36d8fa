package dev.newsroom.comments.console;

import dev.newsroom.comments.account.PasswordSignIn;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Turns a console session cookie into its moderator's identity, with the account's role as it is
 * now (a deleted account's sessions end with it). A request that may change something (any method
 * but GET, HEAD and OPTIONS) must carry the session's token in {@value ConsoleSessions#CSRF_HEADER}
 * and come from the service's own origin ({@link SameOrigin}); otherwise it is refused with 403.
 */
@ApplicationScoped
class ConsoleSessionIdentityProvider implements IdentityProvider<ConsoleSessionRequest> {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ConsoleSessions sessions;
    private final PasswordSignIn accounts;

    ConsoleSessionIdentityProvider(ConsoleSessions sessions, PasswordSignIn accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        HttpServerRequest http = HttpSecurityUtils.getRoutingContextAttribute(request).request();
        return context.runBlocking(() -> {
            boolean byTheModerator = http.getHeader(ConsoleSessions.BACKGROUND_HEADER) == null;
            ConsoleSessions.Active session = sessions.find(request.token(), byTheModerator)
                    .orElseThrow(AuthenticationFailedException::new);
            if (!SAFE.contains(http.method())
                    && !(SameOrigin.check(http) && ConsoleSessions.csrfMatches(session, http.getHeader(ConsoleSessions.CSRF_HEADER)))) {
                throw new AuthenticationFailedException(new CrossSiteRequestRefused());
            }
            String role = accounts.currentRole(session.username()).orElseThrow(AuthenticationFailedException::new);
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(session.username()))
                    .addRole(role)
                    .build();
        });
    }

    /** A change sent with the console's cookie but without its CSRF token, or from another origin. */
    static class CrossSiteRequestRefused extends ProblemException {
        CrossSiteRequestRefused() {
            super(403, "Cross-site request refused", "A change made with the console's session must come from the "
                    + "console itself, with its X-CSRF-Token header.");
        }
    }
}
