package dev.newsroom.comments.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A moderator signed into the console. The browser holds a random token in an {@code HttpOnly}
 * cookie; only its SHA-256 is stored, so the table gives nobody a usable session, and any instance
 * on the same database recognises it.
 */
@Entity
@Table(name = "console_session")
class ConsoleSession {

    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(nullable = false, updatable = false)
    String username;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    /** Whether the session has ended at {@code now}: idle too long, or older than the maximum age. */
    boolean expiredAt(Instant now, Duration idleTimeout, Duration maxAge) {
        return !now.isBefore(lastSeenAt.plus(idleTimeout)) || !now.isBefore(createdAt.plus(maxAge));
    }
}
