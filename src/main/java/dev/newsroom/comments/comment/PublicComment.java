package dev.newsroom.comments.comment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment as readers see it. Deliberately has no email, nothing derived from it, no IP and no
 * moderation data: this record is the only shape in which a comment reaches a reader.
 */
public record PublicComment(String id, String parentId, String name, String website, String body, String bodyHtml,
        Instant createdAt, @Schema(description = "An editors' pick") boolean featured,
        @Schema(description = EDITED_AT, nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) Instant editedAt) {

    /** The description of {@code editedAt} in reader and moderator items alike. */
    static final String EDITED_AT = "When a moderator last changed the name, body or website; null unless edited";

    public static PublicComment of(Comment comment) {
        return new PublicComment(comment.id(), comment.parentId(), comment.authorName(), comment.website(),
                comment.body(), BodyRenderer.toHtml(comment.body()), comment.createdAt(), comment.featured(),
                comment.editedAt());
    }
}
