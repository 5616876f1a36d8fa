package dev.newsroom.comments.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token of an {@code Authorization: Bearer …} header, on its way to {@link ApiTokenIdentityProvider}. */
class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    ApiTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
