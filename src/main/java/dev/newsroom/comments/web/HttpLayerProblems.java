package dev.newsroom.comments.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals made before any resource runs, answered as problem documents like every other error:
 * <ul>
 * <li>a body over {@code quarkus.http.limits.max-body-size} (413). The HTTP server enforces the
 * limit too, but with an empty 413; checking the declared {@code Content-Length} first gives
 * clients the usual problem+json (a chunked body without a length still gets the server's own
 * empty 413 when it overflows). A route with an {@link OwnBodyLimit} (an import's upload) is
 * checked against its own limit instead, and its declared length is hidden from the server's
 * check (order -2) and put back right after it, with the route's limit for the body reader;</li>
 * <li>a browser request from an origin that is not an article page's (403). Quarkus's CORS
 * filter would refuse it as well, with an empty body; preflights and allowed origins go on to it;</li>
 * <li>headers over {@code comments.max-header-size} (431). The HTTP server's own limit is set
 * higher, so that this check answers first, with a problem document;</li>
 * <li>addresses with {@code ;} (400); bodies without a Content-Type, with one that cannot be read,
 * or JSON declaring a charset other than UTF-8 (415).</li>
 * </ul>
 */
@Singleton
class HttpLayerProblems {

    private final ObjectMapper json;
    private final AllowedOrigins allowedOrigins;
    private final long maxBodyBytes;
    private final long maxHeaderBytes;
    private final List<OwnBodyLimit> ownBodyLimits;

    /** Where the declared length of a body under its route's own limit waits while the server's check runs. */
    private static final String HIDDEN_LENGTH = "comments.own-body-limit.length";
    /** The key under which Quarkus's body reader finds the largest body it may read. */
    private static final String READER_LIMIT = "io.quarkus.max-request-size";
    /** Quarkus's own body size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT) runs at -2; this runs right after it. */
    private static final int AFTER_SERVER_LIMIT = -1;

    HttpLayerProblems(ObjectMapper json, AllowedOrigins allowedOrigins, WebConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            Instance<OwnBodyLimit> ownBodyLimits) {
        this.ownBodyLimits = ownBodyLimits.stream().toList();
        this.json = json;
        this.allowedOrigins = allowedOrigins;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
    }

    void register(@Observes Router router) {
        // One handler for every check: it runs on every request, readers' included.
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        if (!ownBodyLimits.isEmpty()) {
            router.route().order(AFTER_SERVER_LIMIT).handler(this::applyOwnBodyLimit);
        }
    }

    private OwnBodyLimit ownBodyLimit(RoutingContext context) {
        for (OwnBodyLimit limit : ownBodyLimits) {
            if (context.request().method().name().equals(limit.method()) && context.request().path().equals(limit.path())) {
                return limit;
            }
        }
        return null;
    }

    /** Puts the hidden length back, and tells the body reader the route's limit (chunked bodies too). */
    private void applyOwnBodyLimit(RoutingContext context) {
        OwnBodyLimit limit = ownBodyLimit(context);
        if (limit != null) {
            String length = context.get(HIDDEN_LENGTH);
            if (length != null) {
                context.request().headers().set(HttpHeaders.CONTENT_LENGTH, length);
            }
            context.put(READER_LIMIT, limit.maxBodyBytes());
        }
        context.next();
    }

    private void check(RoutingContext context) {
        Problem problem = oversizedHeaders(context);
        if (problem == null) {
            problem = foreignOrigin(context);
        }
        if (problem == null) {
            problem = oversizedBody(context);
        }
        if (problem == null && context.request().path().startsWith("/api/")) {
            problem = semicolonOrNul(context);
            if (problem == null) {
                problem = unreadableBodyType(context);
            }
        }
        if (problem == null) {
            context.next();
        } else {
            write(context, problem);
        }
    }

    /**
     * No address of the API contains {@code ;} or a NUL character. The HTTP layer would silently cut
     * a path segment (a matrix parameter) or a query value at {@code ;}, turning {@code a;b} into
     * the article {@code a}; and PostgreSQL refuses NUL in text with an error rather than "no match".
     */
    private static Problem semicolonOrNul(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.indexOf(';') >= 0 || uri.indexOf('\u0000') >= 0 || uri.contains("%00")) {
            return new Problem(ProblemTypes.forStatus(400), "Invalid address", 400,
                    "The address contains ';' or a NUL character, which no address of this API does.", null);
        }
        return null;
    }

    /**
     * A body must say what it is, in a form this service reads: without a Content-Type it would be
     * read as an empty form; one the framework cannot parse would fail as a server error; and the
     * contract's bodies are UTF-8, so another declared charset would only turn text into mojibake.
     */
    private static Problem unreadableBodyType(RoutingContext context) {
        var request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            length = context.get(HIDDEN_LENGTH); // a body under its route's own limit
        }
        boolean hasBody = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (hasBody && (type == null || !isReadable(type))) {
            return new Problem(ProblemTypes.forStatus(415), "Unsupported Media Type", 415,
                    "Send application/json or application/x-www-form-urlencoded as UTF-8.", null);
        }
        return null;
    }

    private static boolean isReadable(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
        // A form is UTF-8 whatever it declares (as browsers send it; submission.FormFields reads it so).
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return !StrictUtf8Json.isJson(type) || charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("utf8");
    }

    /** All header lines together, as the HTTP server counts them against its own limit. */
    private Problem oversizedHeaders(RoutingContext context) {
        long size = 0;
        for (var header : context.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size > maxHeaderBytes) {
            return new Problem(ProblemTypes.forStatus(431), "Request headers too large", 431,
                    "The request's headers are larger than this service accepts (" + maxHeaderBytes / 1024
                            + " KiB in all).", null);
        }
        return null;
    }

    private Problem foreignOrigin(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowedOrigins.allowsOrigin(origin) && !isSameOrigin(context, origin)) {
            return new Problem(ProblemTypes.forStatus(403), "Origin not allowed", 403,
                    "Browsers may call this API from the article pages' origins only (COMMENTS_ALLOWED_ORIGINS).",
                    null);
        }
        return null;
    }

    private static boolean isSameOrigin(RoutingContext context, String origin) {
        var own = AllowedOrigins.originOf(context.request().absoluteURI());
        return own.isPresent() && own.equals(AllowedOrigins.originOf(origin));
    }

    private Problem oversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        OwnBodyLimit own = ownBodyLimit(context);
        long limit = own == null ? maxBodyBytes : own.maxBodyBytes();
        if (declared != null && exceeds(declared, limit)) {
            return new Problem(ProblemTypes.forStatus(413), "Request too large", 413,
                    "The request body is larger than this service accepts (" + size(limit) + ").", null);
        }
        if (declared != null && own != null) {
            context.put(HIDDEN_LENGTH, declared);
            context.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
        }
        return null;
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    private static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server itself refuses a malformed length
        }
    }

    private void write(RoutingContext context, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The unread body would otherwise be taken for the next request on this connection.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
