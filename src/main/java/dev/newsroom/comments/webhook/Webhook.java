package dev.newsroom.comments.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An endpoint an administrator registered (V14__webhooks.sql). Its secrets are kept sealed
 * ({@link WebhookSecrets}); this class never holds one in the clear.
 */
@Entity
@Table(name = "webhook")
class Webhook {

    /** What {@code events} holds for a webhook that wants every event. */
    static final String ALL_EVENTS = "*";

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String url;

    /** {@code *}, or event types comma-separated: {@link WebhookFanOut} matches them in SQL. */
    @Column(nullable = false, updatable = false)
    private String events;

    @Column(updatable = false)
    private String description;

    @Column(name = "secret_sealed", nullable = false)
    private String secretSealed;

    @Column(name = "previous_secret_sealed")
    private String previousSecretSealed;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected Webhook() {
        // for JPA
    }

    Webhook(String id, String url, List<String> events, String description, String secretSealed, Instant createdAt,
            String createdBy) {
        this.id = id;
        this.url = url;
        this.events = String.join(",", events);
        this.description = description;
        this.secretSealed = secretSealed;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** A new secret signs from now on; the one it replaces signs beside it until {@code previousUntil}. */
    void rotate(String newSecretSealed, Instant previousUntil) {
        this.previousSecretSealed = secretSealed;
        this.previousSecretUntil = previousUntil;
        this.secretSealed = newSecretSealed;
    }

    String id() {
        return id;
    }

    String url() {
        return url;
    }

    List<String> events() {
        return Arrays.asList(events.split(","));
    }

    String description() {
        return description;
    }

    String secretSealed() {
        return secretSealed;
    }

    /** The previous secret while it still signs at {@code now}, else null. */
    String previousSecretSealedAt(Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil) ? previousSecretSealed : null;
    }

    /** Until when the previous secret still signs, or null if none does at {@code now}. */
    Instant previousSecretUntilAt(Instant now) {
        return previousSecretSealedAt(now) == null ? null : previousSecretUntil;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
