package dev.newsroom.comments.comment;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment as readers see it. Deliberately has no email, nothing derived from it, no IP and no
 * moderation data: this record is the only shape in which a comment reaches a reader.
 */
public record PublicComment(String id, String parentId, String name, String website, String body, String bodyHtml,
        Instant createdAt, @Schema(description = "An editors' pick") boolean featured) {

    public static PublicComment of(Comment comment) {
        return new PublicComment(comment.id(), comment.parentId(), comment.authorName(), comment.website(),
                comment.body(), BodyRenderer.toHtml(comment.body()), comment.createdAt(), comment.featured());
    }
}
