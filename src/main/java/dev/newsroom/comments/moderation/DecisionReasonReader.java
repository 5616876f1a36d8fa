package dev.newsroom.comments.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.web.StrictUtf8Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the optional body of approve, reject and spam. Those decisions were made without a body
 * (and without a Content-Type) before reasons existed, and still are: an empty body is no reason,
 * whatever the Content-Type; a body must be sent as JSON ({@code Content-Type: application/json}), else 415.
 * Malformed JSON is 400 like any other body (web.ProblemMappers).
 */
@Provider
@Consumes(MediaType.WILDCARD)
class DecisionReasonReader implements MessageBodyReader<DecisionReason> {

    private final ObjectMapper json;

    DecisionReasonReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == DecisionReason.class;
    }

    @Override
    public DecisionReason readFrom(Class<DecisionReason> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = entity.readAllBytes(); // at most quarkus.http.limits.max-body-size
        if (body.length == 0) {
            return null;
        }
        if (mediaType != null && !mediaType.isWildcardType() && !StrictUtf8Json.isJson(mediaType)) {
            throw new NotSupportedException();
        }
        return json.readValue(body, DecisionReason.class);
    }
}
