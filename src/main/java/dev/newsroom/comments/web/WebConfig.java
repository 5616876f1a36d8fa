package dev.newsroom.comments.web;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Cross-cutting HTTP settings ({@code comments.*}). */
@ConfigMapping(prefix = "comments")
public interface WebConfig {

    /**
     * Origins of the article pages ({@code https://news.example.com}), comma-separated.
     * Browsers on these origins may call the API (CORS), and form posts may redirect to them.
     */
    Optional<List<String>> allowedOrigins();
}
