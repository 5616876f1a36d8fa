package dev.newsroom.comments.console;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The third way moderators authenticate to {@code /api/v1/moderation/**} and {@code /api/v1/admin/**}:
 * the console's session cookie. It comes after the {@code Authorization} header (Basic or Bearer),
 * which wins when both are sent; the header cannot be forged by another site, the cookie could be
 * sent by one, so a request authenticated by the cookie that changes anything must also carry the
 * session's CSRF token and come from the service's own origin ({@link ConsoleSessionIdentityProvider}).
 */
@ApplicationScoped
class ConsoleSessionAuthentication implements HttpAuthenticationMechanism {

    /** After the Authorization header's mechanism (default priority 1000). */
    private static final int PRIORITY = 500;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(ConsoleCookies.SESSION);
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        var request = new ConsoleSessionRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ConsoleSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE,
                ConsoleCookies.SESSION));
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
