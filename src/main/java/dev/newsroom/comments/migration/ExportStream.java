package dev.newsroom.comments.migration;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An export body, written line by line as it is read. A class of its own with its own writer: the
 * JSON writer would otherwise claim application/x-ndjson for any entity, a StreamingOutput (or any
 * lambda, whose class the writer lookup sees) too.
 */
final class ExportStream {

    /** Writes the body. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Body body;

    ExportStream(Body body) {
        this.body = body;
    }

    void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }
}
