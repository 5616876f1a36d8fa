package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ClientAddress;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * How moderators prove who they are: {@code Authorization: Bearer <api token>} (a hash lookup,
 * microseconds) or {@code Authorization: Basic} (bcrypt, hundreds of milliseconds, so for people
 * rather than tools). Basic logins go through {@link LoginThrottle} first: a locked-out username
 * or address is refused with 429 before its password is even checked.
 */
@ApplicationScoped
class ModeratorAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "comments";
    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism(REALM, false);
    private final LoginThrottle throttle;

    ModeratorAuthentication(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        String scheme = authorization.length() > 7 ? authorization.substring(0, 7).toLowerCase(Locale.ROOT) : "";
        String address = ClientAddress.of(context.request());
        if (scheme.equals(BEARER)) {
            return identities.authenticate(new ApiTokenAuthenticationRequest(authorization.substring(7).trim()))
                    .onFailure().invoke(() -> throttle.recordFailure(null, address));
        }
        if (!scheme.startsWith(BASIC)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        String username = basicUsername(authorization.substring(6).trim());
        var lockedOut = throttle.lockedOut(username, address);
        if (lockedOut.isPresent()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    new TooManyFailedLoginsException(lockedOut.get())));
        }
        return basic.authenticate(context, identities)
                .onItem().ifNull().failWith(AuthenticationFailedException::new)
                .onFailure().invoke(() -> throttle.recordFailure(username, address));
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

    /** The username of a Basic credential, or null if it cannot be decoded (the login then fails anyway). */
    private static String basicUsername(String encoded) {
        try {
            String plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return colon < 0 ? null : plain.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
