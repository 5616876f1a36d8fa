package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentMetrics;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.EntityTags;
import dev.newsroom.comments.web.KeysetPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The moderation queue and decisions. A decision locks the comment's row, so decisions on one
 * comment apply one at a time, and checks {@code If-Match} against the version it locked.
 */
@ApplicationScoped
class ModerationService {

    private final CommentRepository comments;
    private final CommentMetrics metrics;
    private final Clock clock;

    ModerationService(CommentRepository comments, CommentMetrics metrics, Clock clock) {
        this.comments = comments;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    QueuePage queue(CommentStatus status, String articleId, Cursor after, int limit) {
        KeysetPage<Comment> page = KeysetPage.of(comments.findQueue(status, articleId, after, limit), limit,
                Comment::position);
        return new QueuePage(page.items().stream().map(ModerationView::of).toList(), page.nextCursor());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    VersionedView find(String id) {
        return comments.findByIdOptional(id).map(VersionedView::of).orElseThrow(CommentNotFoundException::new);
    }

    /** Applies a decision; repeating one that is already in force changes nothing and succeeds. */
    @Transactional
    VersionedView decide(String id, Decision decision, String ifMatch, String moderator) {
        Comment comment = comments.findForUpdate(id).orElseThrow(CommentNotFoundException::new);
        if (EntityTags.matchFails(ifMatch, VersionedView.etagOf(comment))) {
            throw new StaleCommentException();
        }
        if (comment.decide(decision.outcome, moderator, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            comments.flush();
            metrics.entered(decision.outcome);
        }
        return VersionedView.of(comment);
    }

    @Transactional
    void delete(String id, String ifMatch) {
        Comment comment = comments.findForUpdate(id).orElseThrow(CommentNotFoundException::new);
        if (EntityTags.matchFails(ifMatch, VersionedView.etagOf(comment))) {
            throw new StaleCommentException();
        }
        comments.delete(comment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ModerationStats stats() {
        Map<CommentStatus, Long> counts = comments.countByStatus();
        return new ModerationStats(counts.get(CommentStatus.PENDING), counts.get(CommentStatus.APPROVED),
                counts.get(CommentStatus.REJECTED), counts.get(CommentStatus.SPAM));
    }
}
