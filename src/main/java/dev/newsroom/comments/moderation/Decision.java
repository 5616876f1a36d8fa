package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.CommentStatus;
import java.util.Locale;

/** What a moderator can decide about a comment, and the status each decision leads to. */
enum Decision {
    APPROVE(CommentStatus.APPROVED),
    REJECT(CommentStatus.REJECTED),
    SPAM(CommentStatus.SPAM);

    final CommentStatus outcome;

    Decision(CommentStatus outcome) {
        this.outcome = outcome;
    }

    /** The event type of API.md §6: comment.approved, comment.rejected or comment.spam. */
    String eventType() {
        return "comment." + (this == APPROVE ? "approved" : this == REJECT ? "rejected" : "spam");
    }

    /** The word used in URLs, bulk requests and the audit trail. */
    String action() {
        return name().toLowerCase(Locale.ROOT);
    }
}
