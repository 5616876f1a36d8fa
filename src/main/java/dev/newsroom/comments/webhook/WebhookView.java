package dev.newsroom.comments.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook as {@code GET /admin/webhooks} shows it: never its secret. */
@Schema(name = "Webhook")
record WebhookView(String id, String url,
        @Schema(description = "Event types, or [\"*\"]") List<String> events,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String description,
        Instant createdAt,
        @Schema(description = "The administrator who registered it") String createdBy,
        @Schema(description = "After a rotation, until when the previous secret still signs beside the new one "
                + "(24 hours); null otherwise", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant previousSecretUntil) {

    static WebhookView of(Webhook webhook, Instant now) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.description(),
                webhook.createdAt(), webhook.createdBy(), webhook.previousSecretUntilAt(now));
    }
}
