package dev.newsroom.comments.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration MAX_AGE = Duration.ofHours(12);
    private static final Instant SIGNED_IN = Instant.parse("2026-06-19T08:00:00Z");

    @Test
    void aSessionEndsAfterIdlingOrAtItsMaximumAge() {
        ConsoleSession session = new ConsoleSession();
        session.createdAt = SIGNED_IN;
        session.lastSeenAt = SIGNED_IN;
        assertFalse(session.expiredAt(SIGNED_IN.plus(IDLE).minusSeconds(1), IDLE, MAX_AGE));
        assertTrue(session.expiredAt(SIGNED_IN.plus(IDLE), IDLE, MAX_AGE), "idle for the whole timeout");

        session.lastSeenAt = SIGNED_IN.plus(MAX_AGE).minus(Duration.ofMinutes(1));
        assertFalse(session.expiredAt(SIGNED_IN.plus(MAX_AGE).minusSeconds(1), IDLE, MAX_AGE));
        assertTrue(session.expiredAt(SIGNED_IN.plus(MAX_AGE), IDLE, MAX_AGE), "in use, but signed in too long ago");
    }

    @Test
    void onlyTheOwnOriginCounts() {
        var authority = io.vertx.core.net.HostAndPort.create("comments.example.com", -1);
        assertTrue(SameOrigin.matches("https://comments.example.com", "https", authority));
        assertTrue(SameOrigin.matches("https://Comments.Example.com:443", "https", authority));
        assertFalse(SameOrigin.matches("http://comments.example.com", "https", authority));
        assertFalse(SameOrigin.matches("https://comments.example.com.evil.example", "https", authority));
        assertFalse(SameOrigin.matches("https://comments.example.com:8443", "https", authority));
        assertFalse(SameOrigin.matches("null", "https", authority));
        assertFalse(SameOrigin.matches("https://comments.example.com/path", "https", authority));
    }
}
