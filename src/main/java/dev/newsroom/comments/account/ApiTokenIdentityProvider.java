package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ClientAddress;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a valid, unrevoked API token into its owner's identity and role; a wrong token counts as a failed login. */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    ApiTokenIdentityProvider(ApiTokens tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.owner(request.token())
                .map(account -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(account.username))
                        .addRole(account.role)
                        .build())
                .orElseThrow(() -> {
                    // Guessing tokens counts against the address like guessing passwords.
                    throttle.recordFailure(null, ClientAddress.of(HttpSecurityUtils.getRoutingContextAttribute(request).request()));
                    return new AuthenticationFailedException();
                }));
    }
}
