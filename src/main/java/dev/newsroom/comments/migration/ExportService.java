package dev.newsroom.comments.migration;

import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.ModerationView;
import dev.newsroom.comments.comment.ModerationViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The export (API.md §8): every comment as moderators see it, email included, read a page at a
 * time by id, each page in a short transaction of its own, so memory stays the same for ten
 * comments or ten million and no transaction stays open while a slow client reads.
 */
@ApplicationScoped
class ExportService {

    static final int PAGE = 500;

    private final CommentRepository comments;
    private final ModerationViews views;
    private final AuditTrail audit;
    private final Clock clock;

    ExportService(CommentRepository comments, ModerationViews views, AuditTrail audit, Clock clock) {
        this.comments = comments;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** The audit line of an export: who took every email, and when. */
    @Transactional
    void audit(String administrator, String format) {
        audit.append(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MILLIS), administrator, "export", null, null,
                null, null, null, "format " + format));
    }

    /** The comments after {@code afterId} in id order, at most {@link #PAGE}; an empty page is the end. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Page page(String afterId) {
        List<Comment> page = comments.findAllAfterId(afterId, PAGE);
        return new Page(views.of(page), page.isEmpty() ? null : page.getLast().id());
    }

    record Page(List<ModerationView> items, String lastId) {
    }
}
