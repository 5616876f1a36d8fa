package dev.newsroom.comments.console;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token of a console session cookie, on its way to {@link ConsoleSessionIdentityProvider}. */
class ConsoleSessionRequest extends BaseAuthenticationRequest {

    private final String token;

    ConsoleSessionRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
