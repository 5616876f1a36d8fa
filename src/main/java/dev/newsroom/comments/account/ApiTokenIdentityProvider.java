package dev.newsroom.comments.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a valid, unrevoked API token into its owner's identity and role. */
@ApplicationScoped
class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    private final ApiTokens tokens;

    ApiTokenIdentityProvider(ApiTokens tokens) {
        this.tokens = tokens;
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
                .orElseThrow(AuthenticationFailedException::new));
    }
}
