package dev.newsroom.comments.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A moderator's personal API token. Only the SHA-256 of the token is stored: the token itself is
 * shown once, when it is created. A SHA-256 (not bcrypt) is enough because the token is 256 random
 * bits, not a human-chosen password, and it keeps verifying a token to microseconds.
 */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    String id;

    @Column(name = "token_hash", nullable = false, updatable = false)
    String tokenHash;

    @Column(nullable = false, updatable = false)
    String name;

    @Column(nullable = false, updatable = false)
    String username;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
