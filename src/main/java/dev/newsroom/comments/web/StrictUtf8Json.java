package dev.newsroom.comments.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * JSON bodies are UTF-8 (RFC 8259), and only UTF-8. Jackson forgives some byte sequences that are
 * not: surrogate halves encoded as bytes, overlong forms, code points past U+10FFFF; what it makes of
 * them would be stored as a reader's text. So every JSON body (at most
 * {@code quarkus.http.limits.max-body-size}) is read strictly once before Jackson sees it.
 */
@Provider
public class StrictUtf8Json implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && isJson(type)) {
            byte[] body = context.getInputStream().readAllBytes();
            if (StrictUtf8.decode(body).isEmpty()) {
                throw ProblemException.badRequest("The body is not valid UTF-8, which JSON must be.");
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /** {@code application/json} and its {@code +json} relatives. */
    public static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }
}
