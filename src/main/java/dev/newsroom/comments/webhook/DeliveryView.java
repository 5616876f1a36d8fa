package dev.newsroom.comments.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event's delivery to one webhook, as the delivery log shows it (API.md §6). */
@Schema(name = "WebhookDelivery")
record DeliveryView(
        @Schema(description = "The event's id, sent as webhook-id on every attempt") String eventId,
        @Schema(description = "The event's type") String type,
        @Schema(enumeration = { "pending", "delivered", "failed" },
                description = "pending until a 2xx answer (delivered) or 24 hours after the first attempt (failed)")
        String status,
        @Schema(description = "Attempts made so far") int attempts,
        @Schema(description = "The last attempt's HTTP status; null if it got none (refused, no connection, timeout)",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer lastStatusCode,
        @Schema(description = "Why the last attempt did not deliver, in the service's words (never the answer's "
                + "body); null after a success", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String lastError,
        @Schema(description = "When the next attempt is due; null unless pending", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant nextAttemptAt,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery delivery) {
        boolean pending = WebhookDelivery.PENDING.equals(delivery.status());
        return new DeliveryView(Long.toString(delivery.eventPosition()), delivery.eventType(), delivery.status(),
                delivery.attempts(), delivery.lastStatusCode(), delivery.lastError(),
                pending ? delivery.nextAttemptAt() : null, delivery.deliveredAt());
    }
}
