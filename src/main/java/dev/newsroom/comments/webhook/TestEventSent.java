package dev.newsroom.comments.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /admin/webhooks/{id}/test}. */
record TestEventSent(
        @Schema(description = "The webhook.test event's id: its webhook-id, and its eventId in the delivery log. "
                + "Null in the rare case the event log took over 5 s to give it one; it is sent all the same.",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String eventId) {
}
