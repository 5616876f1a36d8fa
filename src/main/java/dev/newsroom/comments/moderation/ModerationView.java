package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.BodyRenderer;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentStatus;
import java.time.Instant;
import java.util.List;

/** A comment as moderators see it: the reader view plus article, email, status and moderation data. */
public record ModerationView(String id, String articleId, String parentId, String name, String email, String website,
        String body, String bodyHtml, Instant createdAt, CommentStatus status, List<String> reasons,
        Instant updatedAt, String decidedBy) {

    static ModerationView of(Comment comment) {
        return new ModerationView(comment.id(), comment.articleId(), comment.parentId(), comment.authorName(),
                comment.email(), comment.website(), comment.body(), BodyRenderer.toHtml(comment.body()),
                comment.createdAt(), comment.status(), comment.reasons(), comment.updatedAt(), comment.decidedBy());
    }
}
