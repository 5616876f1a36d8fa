package dev.newsroom.comments.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as the API, the stream and webhooks show it (API.md §6). */
@Schema(name = "Event")
public record EventView(
        @Schema(description = "Opaque; increases in commit order. Resume after it with after= or Last-Event-ID")
        String id,
        @Schema(description = "comment.submitted, comment.approved, … (API.md §6)") String type,
        Instant occurredAt,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String articleId,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String commentId,
        @Schema(description = "A username, system, or null for a reader", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String actor,
        @Schema(type = SchemaType.OBJECT, description = "For comment events, the moderator item without email; "
                + "for others a few plain values; never an email")
        @JsonRawValue String data) {

    static EventView of(Event event) {
        return new EventView(Long.toString(event.position()), event.type(), event.occurredAt(), event.articleId(),
                event.commentId(), event.actor(), event.data() == null ? "{}" : event.data());
    }

    long position() {
        return Long.parseLong(id);
    }
}
