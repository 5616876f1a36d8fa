package dev.newsroom.comments.migration;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes an {@link ExportStream} as it comes, in place of the JSON writer. */
@Provider
@Produces(ExportResource.JSON_LINES)
class ExportStreamWriter implements MessageBodyWriter<ExportStream> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ExportStream.class;
    }

    @Override
    public void writeTo(ExportStream stream, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        stream.writeTo(out);
    }
}
