package dev.newsroom.comments.console;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a request comes from a page of the service's own origin, as browsers tell: {@code Origin}
 * (sent with every cross-origin request and every POST, PUT, PATCH, DELETE) must name the origin the
 * request was sent to, and {@code Sec-Fetch-Site}, where sent, must be {@code same-origin}. A request
 * with neither header is not from a browser page, which is what CSRF is about; the CSRF token is
 * still required of it.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean check(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || matches(origin, request.scheme(), request.authority());
    }

    static boolean matches(String origin, String scheme, HostAndPort authority) {
        if (authority == null || scheme == null) {
            return false;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            return uri.getScheme().equalsIgnoreCase(scheme)
                    && uri.getHost().toLowerCase(Locale.ROOT).equals(authority.host().toLowerCase(Locale.ROOT))
                    && port(uri.getPort(), scheme) == port(authority.port(), scheme);
        } catch (java.net.URISyntaxException e) {
            return false; // "null" (sandboxed or privacy-sensitive contexts) and anything malformed
        }
    }

    private static int port(int port, String scheme) {
        return port >= 0 ? port : scheme.equalsIgnoreCase("https") ? 443 : 80;
    }
}
