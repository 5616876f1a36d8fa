package dev.newsroom.comments.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/**
 * How moderators prove who they are: {@code Authorization: Bearer <api token>} (a hash lookup,
 * microseconds) or {@code Authorization: Basic} (bcrypt, hundreds of milliseconds, so for people
 * rather than tools). The identity providers check them on a worker thread, {@link LoginThrottle}
 * included: a locked-out username or address is refused with 429 before its password is even checked.
 */
@ApplicationScoped
class ModeratorAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "comments";
    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism(REALM, false);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        String scheme = authorization.length() > 7 ? authorization.substring(0, 7).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals(BEARER)) {
            var request = new ApiTokenAuthenticationRequest(authorization.substring(7).trim());
            HttpSecurityUtils.setRoutingContextAttribute(request, context);
            return identities.authenticate(request);
        }
        if (!scheme.startsWith(BASIC)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return basic.authenticate(context, identities).onItem().ifNull().failWith(AuthenticationFailedException::new);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return basic.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, ApiTokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }
}
