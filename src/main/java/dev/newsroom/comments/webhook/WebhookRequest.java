package dev.newsroom.comments.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /admin/webhooks} (API.md §6); {@link WebhookService} validates every field at once. */
@Schema(name = "NewWebhook")
record WebhookRequest(
        @Schema(required = true, maxLength = Destination.MAX_LENGTH, examples = "https://hooks.example.com/comments",
                description = "Absolute https URL (http only with COMMENTS_WEBHOOKS_ALLOW_HTTP=true), no credentials, "
                        + "at most 2000 characters. Its host must resolve to public addresses only (not loopback, "
                        + "private, link-local, multicast or unspecified, IPv4-mapped included) unless "
                        + "COMMENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true; checked again at every delivery.")
        String url,
        @Schema(required = true, examples = "[\"comment.submitted\", \"comment.approved\"]",
                description = "The event types to receive (API.md §6), or [\"*\"] for every one. webhook.test events "
                        + "go only to the webhook they test, whatever it lists.")
        List<String> events,
        @Schema(maxLength = WebhookService.MAX_DESCRIPTION, nullable = true,
                description = "For administrators: at most 500 characters, no control characters")
        String description) {
}
