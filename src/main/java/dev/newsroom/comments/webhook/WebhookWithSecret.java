package dev.newsroom.comments.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook with its signing secret: the answer of its creation and of a rotation, the only ones that show it. */
@Schema(name = "WebhookWithSecret")
record WebhookWithSecret(String id, String url, List<String> events,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String description,
        @Schema(examples = "whsec_…",
                description = "Shown this once, stored only encrypted: whsec_ and the base64 of 32 random bytes. "
                        + "Verify a delivery's webhook-signature with the base64-decoded part after whsec_ "
                        + "(Standard Webhooks).")
        String secret,
        Instant createdAt,
        @Schema(description = "After a rotation, until when the previous secret still signs beside this one "
                + "(24 hours); null otherwise", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant previousSecretUntil) {

    static WebhookWithSecret of(Webhook webhook, String secret, Instant now) {
        return new WebhookWithSecret(webhook.id(), webhook.url(), webhook.events(), webhook.description(), secret,
                webhook.createdAt(), webhook.previousSecretUntilAt(now));
    }
}
