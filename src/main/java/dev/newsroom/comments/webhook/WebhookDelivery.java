package dev.newsroom.comments.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one webhook (V14__webhooks.sql), inserted by {@link WebhookFanOut} and changed only by
 * the conditional updates of {@link Deliveries}: this class has no setters.
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    @Id
    private Long id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private String webhookId;

    /** The event's id, sent as webhook-id. */
    @Column(name = "event_position", nullable = false, updatable = false)
    private long eventPosition;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "first_attempt_at")
    private Instant firstAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected WebhookDelivery() {
        // for JPA
    }

    Long id() {
        return id;
    }

    String webhookId() {
        return webhookId;
    }

    long eventPosition() {
        return eventPosition;
    }

    String eventType() {
        return eventType;
    }

    String status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Integer lastStatusCode() {
        return lastStatusCode;
    }

    String lastError() {
        return lastError;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant firstAttemptAt() {
        return firstAttemptAt;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    String claimedBy() {
        return claimedBy;
    }
}
