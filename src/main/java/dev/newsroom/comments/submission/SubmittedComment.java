package dev.newsroom.comments.submission;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.PublicComment;
import java.time.Instant;

/**
 * The answer to a submission: the comment as readers would see it, plus its article and status.
 * A comment judged to be spam reads exactly like a pending one, so a bot learns nothing.
 */
public record SubmittedComment(String id, String articleId, String parentId, String name, String website, String body,
        String bodyHtml, Instant createdAt, CommentStatus status) {

    static SubmittedComment of(Comment comment) {
        PublicComment view = PublicComment.of(comment);
        CommentStatus shown = comment.status() == CommentStatus.SPAM ? CommentStatus.PENDING : comment.status();
        return new SubmittedComment(view.id(), comment.articleId(), view.parentId(), view.name(), view.website(),
                view.body(), view.bodyHtml(), view.createdAt(), shown);
    }

    boolean published() {
        return status == CommentStatus.APPROVED;
    }
}
