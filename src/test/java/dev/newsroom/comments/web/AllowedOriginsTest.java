package dev.newsroom.comments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    private final AllowedOrigins origins = new AllowedOrigins(new WebConfig() {
        @Override
        public Optional<List<String>> allowedOrigins() {
            return Optional.of(List.of("https://news.example.com", " http://localhost:3000 "));
        }

        @Override
        public MemorySize maxHeaderSize() {
            return new MemorySize(java.math.BigInteger.valueOf(16 * 1024));
        }
    });

    @ParameterizedTest
    @ValueSource(strings = { "https://news.example.com/2026/06/article-1#comments", "https://NEWS.example.com",
            "https://news.example.com:443/a", "http://localhost:3000/page" })
    void allowsPagesOnConfiguredOrigins(String target) {
        assertTrue(origins.allowsRedirectTo(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)",
            "https://news.example.com.evil.test/", "http://news.example.com/", "https://news.example.com:8443/",
            "https://user@news.example.com/", "/relative", "" })
    void refusesEverythingElse(String target) {
        assertFalse(origins.allowsRedirectTo(target), target);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://news.example.com", "https://news.example.com/" })
    void originsAreNormalised(String configured) {
        assertEquals(Optional.of("https://news.example.com"), AllowedOrigins.originOf(configured));
    }
}
