package dev.newsroom.comments.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who is asking: the socket's address, or, when {@code quarkus.http.proxy.*} enables forwarding
 * from trusted proxies, the address they forward. A client's own {@code X-Forwarded-For} is
 * never taken at its word.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
