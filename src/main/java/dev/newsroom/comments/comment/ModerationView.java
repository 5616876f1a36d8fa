package dev.newsroom.comments.comment;

import java.time.Instant;
import java.util.List;

/**
 * A comment as moderators (and a data-subject export) see it: the reader view plus article, the
 * opened email (null once erased), status and moderation data.
 */
public record ModerationView(String id, String articleId, String parentId, String name, String email, String website,
        String body, String bodyHtml, Instant createdAt, CommentStatus status, List<String> reasons,
        Instant updatedAt, String decidedBy) {

    public static ModerationView of(Comment comment, EmailVault vault) {
        return new ModerationView(comment.id(), comment.articleId(), comment.parentId(), comment.authorName(),
                vault.open(comment.sealedEmail(), comment.id()), comment.website(), comment.body(),
                BodyRenderer.toHtml(comment.body()), comment.createdAt(), comment.status(), comment.reasons(),
                comment.updatedAt(), comment.decidedBy());
    }
}
