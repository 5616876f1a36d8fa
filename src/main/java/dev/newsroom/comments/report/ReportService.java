package dev.newsroom.comments.report;

import dev.newsroom.comments.comment.ArticleChanged;
import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.Reports;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.event.PublishedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Readers' reports (API.md §5). A report locks the comment's row first, so the reports of one
 * comment are counted one transaction at a time on every instance: the count that reaches
 * {@code reportsToHold} is exact, and exactly one report unpublishes the comment.
 */
@ApplicationScoped
public class ReportService {

    /** Who the audit trail names for a comment the readers' reports unpublished. */
    static final String SYSTEM = "system";
    static final String REASON = "reported";

    private final CommentRepository comments;
    private final Reports reports;
    private final ReportThreshold threshold;
    private final BlindIndex index;
    private final AuditTrail audit;
    private final EventLog events;
    private final Event<ArticleChanged> articleChanged;
    private final Clock clock;

    ReportService(CommentRepository comments, Reports reports, ReportThreshold threshold, BlindIndex index,
            AuditTrail audit, EventLog events, Event<ArticleChanged> articleChanged, Clock clock) {
        this.events = events;
        this.comments = comments;
        this.reports = reports;
        this.threshold = threshold;
        this.index = index;
        this.audit = audit;
        this.articleChanged = articleChanged;
        this.clock = clock;
    }

    /**
     * Files the client's report; a repeat while the first is open counts nothing. Reaching the
     * threshold unpublishes the comment: pending with reason {@code reported}, audited as
     * {@code auto-hold} by {@code system}, and readers' pages change at once here, within their cache
     * time elsewhere.
     *
     * @param clientAddress the reader's address (socket, or forwarded by a trusted proxy); only its
     *                      keyed fingerprint is stored
     */
    @Transactional
    public void report(String commentId, @NotNull @Valid ReportRequest request, String clientAddress) {
        Comment comment = comments.findForUpdate(commentId).filter(found -> found.status() == CommentStatus.APPROVED)
                .orElseThrow(NotReportableException::new);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!reports.add(commentId, index.client(clientAddress), request.reason(), request.noteOrNull(), now)) {
            return;
        }
        int hold = threshold.reportsToHold();
        if (hold > 0 && reports.countOpen(commentId) >= hold) {
            comments.hold(comment, REASON, now);
            comments.flush();
            articleChanged.fire(new ArticleChanged(comment.articleId()));
            audit.append(new AuditEntry(now, SYSTEM, "auto-hold", commentId, comment.articleId(),
                    CommentStatus.APPROVED.wireName(), CommentStatus.PENDING.wireName()));
            events.comment(EventTypes.REPORTED, comment, null, null);
            events.comment(EventTypes.HELD, comment, SYSTEM, PublishedChange.UNPUBLISHED);
        } else {
            events.comment(EventTypes.REPORTED, comment, null, null);
        }
    }
}
