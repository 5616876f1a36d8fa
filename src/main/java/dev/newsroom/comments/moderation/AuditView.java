package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.AuditEntry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An audit entry as the API shows it. {@code commentId} is null for article actions (close,
 * open), {@code to} is null for a deletion; {@code articleId} is always given.
 */
record AuditView(Instant at, String moderator, String action, String commentId, String articleId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String from, @JsonInclude(JsonInclude.Include.ALWAYS) String to) {

    static AuditView of(AuditEntry entry) {
        return new AuditView(entry.at(), entry.moderator(), entry.action(), entry.commentId(), entry.articleId(),
                entry.from(), entry.to());
    }
}
