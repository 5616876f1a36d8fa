package dev.newsroom.comments.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A webhook's URL taken apart for a request: whether it is https, the host as written (for the Host
 * header, SNI and the certificate check), the port and what goes on the request line. The address it
 * connects to is resolved and checked at each delivery ({@link DestinationGuard}).
 */
record Destination(boolean https, String host, int port, String requestUri) {

    static final int MAX_LENGTH = 2000;

    /** Why a URL is refused; its message completes "url …" and never repeats the URL. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses a URL the way it is registered and delivered to. */
    static Destination parse(String url, boolean allowHttp) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new Refused("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notAbsolute(allowHttp);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || scheme == null) {
            throw notAbsolute(allowHttp);
        }
        boolean https = scheme.equals("https");
        if (!https && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "must use http or https" : "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not contain a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("must have a host (international names in their xn-- form)");
        }
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw new Refused("must have a port from 1 to 65535");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new Destination(https, host, port, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    /** The host for name resolution: an IPv6 literal without its brackets. */
    String hostName() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** scheme://host[:port], what logs and the audit trail show of a URL: its path and query often hold a token. */
    String origin() {
        boolean defaultPort = port == (https ? 443 : 80);
        return (https ? "https://" : "http://") + host + (defaultPort ? "" : ":" + port);
    }

    private static Refused notAbsolute(boolean allowHttp) {
        return new Refused(allowHttp ? "must be an absolute http or https URL" : "must be an absolute https URL");
    }
}
