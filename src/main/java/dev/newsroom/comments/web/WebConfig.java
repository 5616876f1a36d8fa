package dev.newsroom.comments.web;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/** Cross-cutting HTTP settings ({@code comments.*}). */
@ConfigMapping(prefix = "comments")
public interface WebConfig {

    /**
     * Origins of the article pages ({@code https://news.example.com}), comma-separated.
     * Browsers on these origins may call the API (CORS), and form posts may redirect to them.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * Largest total size of a request's headers; larger ones are answered 431 as problem+json.
     * {@code quarkus.http.limits.max-header-size} must stay above it: the HTTP server refuses
     * what is over that limit itself, with a bare 431.
     */
    @WithDefault("16K")
    MemorySize maxHeaderSize();
}
