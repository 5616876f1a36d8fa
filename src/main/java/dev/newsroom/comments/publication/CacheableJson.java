package dev.newsroom.comments.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.web.EntityTags;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers readers' lists so caches can keep them: a strong ETag of the exact bytes (a matching
 * {@code If-None-Match} gets 304 without a body) and {@code Cache-Control: public, max-age}.
 */
@ApplicationScoped
class CacheableJson {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    private static final String JSON_UTF8_HEADER = JSON_UTF8.toString();
    /** The CORS headers of an answer depend on the asking page's origin. */
    private static final String VARY = "Origin";

    private final ObjectMapper json;
    private final String cacheControl;

    CacheableJson(ObjectMapper json, PublicationConfig config) {
        this.json = json;
        this.cacheControl = "public, max-age=" + config.maxAge().toSeconds();
    }

    /** A view serialised once: the bytes every reader gets, and their strong ETag. */
    record Rendered(byte[] bytes, String etag) {
    }

    Rendered render(Object body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return new Rendered(bytes, EntityTags.ofContent(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published view could not be serialised", e);
        }
    }

    Response answer(Rendered rendered, String ifNoneMatch) {
        String etag = rendered.etag();
        Response.ResponseBuilder response = EntityTags.noneMatchHits(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(rendered.bytes(), JSON_UTF8);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY).build();
    }

    /** The same answer as {@link #answer(Rendered, String)}, written straight to the HTTP layer. */
    void answer(Rendered rendered, String ifNoneMatch, HttpServerResponse response) {
        String etag = rendered.etag();
        response.headers().set(HttpHeaders.ETAG, etag).set(HttpHeaders.CACHE_CONTROL, cacheControl)
                .set(HttpHeaders.VARY, VARY);
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, JSON_UTF8_HEADER);
            // Wrapped, not copied: the bytes are never changed once rendered.
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(rendered.bytes())));
        }
    }
}
