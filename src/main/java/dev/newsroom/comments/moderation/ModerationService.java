package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.ArticleChanged;
import dev.newsroom.comments.comment.ArticleRegistry;
import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentMetrics;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentEdited;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.ModerationViews;
import dev.newsroom.comments.comment.ModerationView;
import dev.newsroom.comments.comment.Reports;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.event.PublishedChange;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.EntityTags;
import dev.newsroom.comments.web.KeysetPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The moderation queue and decisions. A decision locks the comment's row, so concurrent
 * decisions on one comment apply one after the other; each checks {@code If-Match} against the
 * version it locked, and each change is appended to the audit trail in the same transaction, so
 * the trail's from/to chain always matches what happened.
 */
@ApplicationScoped
class ModerationService {

    private final Event<ArticleChanged> articleChanged;
    private final Event<CommentEdited> commentEdited;
    private final CommentRepository comments;
    private final ArticleRegistry articles;
    private final AuditTrail audit;
    private final CommentMetrics metrics;
    private final ModerationViews views;
    private final EventLog events;
    private final Reports reports;
    private final Clock clock;

    ModerationService(CommentRepository comments, ArticleRegistry articles, AuditTrail audit, CommentMetrics metrics,
            ModerationViews views, Reports reports, EventLog events, Event<ArticleChanged> articleChanged,
            Event<CommentEdited> commentEdited, Clock clock) {
        this.views = views;
        this.events = events;
        this.reports = reports;
        this.articleChanged = articleChanged;
        this.commentEdited = commentEdited;
        this.comments = comments;
        this.articles = articles;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    QueuePage queue(CommentStatus status, String articleId, Cursor after, int limit) {
        KeysetPage<Comment> page = KeysetPage.of(comments.findQueue(status, articleId, after, limit), limit,
                Comment::position);
        return new QueuePage(views.of(page.items()), page.nextCursor());
    }

    /**
     * The comments with open reports, most reported first (API.md §5), of any status unless one is
     * given. A first page fixes the moment whose reports count, and its cursor carries it on.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    QueuePage reportedQueue(CommentStatus status, String articleId, ReportedPosition after, int limit) {
        // A second's margin: a report stamped just before the snapshot may still be committing.
        Instant asOf = after != null ? after.asOf() : now().minusSeconds(1);
        List<Reports.Reported> found = reports.reportedPage(status, articleId, asOf,
                after == null ? null : after.reports(), after == null ? null : after.commentId(), limit);
        List<Reports.Reported> page = found.size() > limit ? found.subList(0, limit) : found;
        Map<String, Comment> byId = comments.findAllById(page.stream().map(Reports.Reported::commentId).toList());
        // A comment deleted since the page was read is left out; its place still moves the cursor on.
        List<Comment> shown = page.stream().map(reported -> byId.get(reported.commentId()))
                .filter(java.util.Objects::nonNull).toList();
        String next = found.size() > limit
                ? new ReportedPosition(asOf, page.getLast().reports(), page.getLast().commentId()).encode()
                : null;
        return new QueuePage(views.of(shown), next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    VersionedView find(String id) {
        return comments.findByIdOptional(id).map(comment -> VersionedView.of(comment, views))
                .orElseThrow(CommentNotFoundException::new);
    }

    /**
     * Applies a decision with the moderator's reason, if any, and closes the comment's open reader
     * reports. Repeating one that is already in force changes nothing (its reason neither) and
     * succeeds, even with the {@code If-Match} of the version it replaced (a client retrying after a
     * lost answer); but if readers reported the comment meanwhile, the repeat still closes their
     * reports (a moderator keeping a reported comment published) and is audited for that.
     */
    @Transactional
    VersionedView decide(String id, Decision decision, String ifMatch, String moderator, DecisionReason why) {
        Comment comment = comments.findForUpdate(id).orElseThrow(CommentNotFoundException::new);
        CommentStatus from = comment.status();
        if (from == decision.outcome) {
            if (reports.close(id) > 0) {
                audit.append(new AuditEntry(now(), moderator, decision.action(), id, comment.articleId(),
                        from.wireName(), from.wireName(), why.reason(), why.note()));
                events.comment(decision.eventType(), comment, moderator, null); // its reports closed
            }
            return VersionedView.of(comment, views);
        }
        requireMatch(comment, ifMatch);
        decide(comment, decision, moderator, why);
        return VersionedView.of(comment, views);
    }

    /** A decision on a locked comment not yet in that status. */
    private void decide(Comment comment, Decision decision, String moderator, DecisionReason why) {
        CommentStatus from = comment.status();
        Instant now = now();
        reports.close(comment.id());
        comments.decide(comment, decision.outcome, moderator, now, why.reason(), why.note());
        comments.flush();
        articleChanged.fire(new ArticleChanged(comment.articleId()));
        metrics.entered(decision.outcome);
        audit.append(new AuditEntry(now, moderator, decision.action(), comment.id(), comment.articleId(),
                from.wireName(), decision.outcome.wireName(), why.reason(), why.note()));
        events.comment(decision.eventType(), comment, moderator, PublishedChange.between(from, decision.outcome));
    }

    /**
     * Features a published comment (an editors' pick) or unfeatures a comment; repeating it changes
     * nothing (an unpublished comment is never featured, so unfeaturing it is harmless).
     * Readers' lists of the article change at once on this instance.
     */
    @Transactional
    VersionedView feature(String id, boolean featured, String moderator) {
        Comment comment = comments.findForUpdate(id).orElseThrow(CommentNotFoundException::new);
        if (featured && comment.status() != CommentStatus.APPROVED) {
            throw new NotPublishedException();
        }
        if (comment.featured() != featured) {
            Instant now = now();
            comment.feature(featured, now);
            comments.flush();
            articleChanged.fire(new ArticleChanged(comment.articleId()));
            String state = CommentStatus.APPROVED.wireName();
            audit.append(new AuditEntry(now, moderator, featured ? "feature" : "unfeature", id, comment.articleId(),
                    state, state));
            events.comment(featured ? EventTypes.FEATURED : EventTypes.UNFEATURED, comment, moderator,
                    PublishedChange.UPDATED);
        }
        return VersionedView.of(comment, views);
    }

    /**
     * A moderator's edit of a comment's name, body or website (API.md §5, "Edits"). Only what
     * differs changes; an edit that changes nothing writes nothing (no audit entry, same version)
     * and answers 200 even with a stale {@code If-Match}, as a repeated decision does: the comment
     * is already as asked (RFC 9110 §13.1.1 allows it), so a client retrying after a lost answer succeeds.
     *
     * <p>Redaction is what edits are for, so the old values must survive nowhere the service keeps:
     * the row holds only the new ones, the body's fingerprint is recomputed ({@link Comment#edit}),
     * the spent captcha forgets its keyed hash of the request that posted them ({@link CommentEdited}),
     * readers' pages of the article held in memory on this instance are dropped at once
     * ({@link ArticleChanged}; other instances reread within the publication cache TTL), and the
     * audit entry names the fields changed, never their values. ({@code bodyHtml} is rendered
     * from the body at each read.) Beyond the service's reach: the databases themselves may keep
     * the old row version in free space, H2 in file chunks until they are compacted and rewritten,
     * PostgreSQL as a dead tuple until vacuum reuses its page (and in its write-ahead log), and
     * backups keep what they copied.
     */
    @Transactional
    VersionedView edit(String id, @Valid CommentEdit edit, String ifMatch, String moderator) {
        Comment comment = comments.findForUpdate(id).orElseThrow(CommentNotFoundException::new);
        String name = edit.nameOr(comment.authorName());
        String body = edit.bodyOr(comment.body());
        String website = edit.websiteOr(comment.website());
        if (comment.fieldsChangedBy(name, body, website).isEmpty()) {
            return VersionedView.of(comment, views);
        }
        requireMatch(comment, ifMatch);
        Instant now = now();
        List<String> changed = comment.edit(name, body, website, now);
        comments.flush(); // bumps the version, which the answer's ETag shows
        commentEdited.fire(new CommentEdited(id));
        if (comment.status() == CommentStatus.APPROVED) {
            articleChanged.fire(new ArticleChanged(comment.articleId())); // only published comments are on pages
        }
        String state = comment.status().wireName();
        audit.append(new AuditEntry(now, moderator, "edit", id, comment.articleId(), state, state, null,
                String.join(",", changed)));
        ModerationView edited = views.of(comment);
        events.redact(id, edited, false); // earlier events of this comment no longer hold the old text
        events.comment(EventTypes.EDITED, edited, moderator, PublishedChange.inPlace(comment.status()));
        return VersionedView.of(comment, views);
    }

    @Transactional
    void delete(String id, String ifMatch, String moderator) {
        delete(id, ifMatch, moderator, DecisionReason.NONE);
    }

    /** Deletes a comment for good; the audit entry keeps the reason and note, if given (bulk). */
    @Transactional
    void delete(String id, String ifMatch, String moderator, DecisionReason why) {
        Comment comment = lockedForChange(id, ifMatch);
        comments.delete(comment);
        articleChanged.fire(new ArticleChanged(comment.articleId()));
        audit.append(new AuditEntry(now(), moderator, "delete", comment.id(), comment.articleId(),
                comment.status().wireName(), null, why.reason(), why.note()));
        events.redact(comment.id(), null, false);
        events.deleted(comment, moderator, PublishedChange.between(comment.status(), null));
    }

    /**
     * One batch of a bulk action by query, in one transaction: each comment is locked (in id order,
     * so two runs over the same comments wait for each other rather than deadlock), checked to be
     * still in {@code status} (a moderator may have decided it since it was found; that decision
     * stands), then decided or deleted, its reports closed and its change audited as in the other bulk.
     *
     * @param action approve, reject, spam or delete
     * @return how many comments of the batch the action applied to
     */
    @Transactional
    int applyBatch(List<String> ids, CommentStatus status, String action, DecisionReason why, String moderator) {
        List<Comment> locked = ids.stream().sorted().map(id -> comments.findForUpdate(id).orElse(null))
                .filter(comment -> comment != null && comment.status() == status).toList();
        if (locked.isEmpty()) {
            return 0;
        }
        Instant now = now();
        boolean delete = action.equals("delete");
        Decision decision = delete ? null : Decision.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        if (decision != null && decision.outcome == status) {
            locked.forEach(comment -> decide(comment.id(), decision, null, moderator, why)); // repeats: reports close
            return locked.size();
        }
        for (Comment comment : locked) {
            reports.close(comment.id());
            audit.append(new AuditEntry(now, moderator, delete ? "delete" : decision.action(), comment.id(),
                    comment.articleId(), status.wireName(), delete ? null : decision.outcome.wireName(), why.reason(),
                    why.note()));
        }
        if (delete) {
            for (Comment comment : locked) {
                events.redact(comment.id(), null, false);
                events.deleted(comment, moderator, PublishedChange.between(status, null));
            }
            comments.deleteAll(locked);
        } else {
            comments.decideAll(locked, decision.outcome, moderator, now, why.reason(), why.note());
            locked.forEach(comment -> metrics.entered(decision.outcome));
            events.comments(decision.eventType(), locked, moderator,
                    comment -> PublishedChange.between(status, decision.outcome));
        }
        locked.stream().map(Comment::articleId).distinct()
                .forEach(articleId -> articleChanged.fire(new ArticleChanged(articleId)));
        return locked.size();
    }

    /** Opens or closes an article to new comments; repeating it changes nothing. */
    @Transactional
    ArticleState setClosed(String articleId, boolean closed, String moderator) {
        Instant now = now();
        boolean changed = closed ? articles.close(articleId, moderator, now) : articles.open(articleId);
        if (changed) {
            audit.append(new AuditEntry(now, moderator, closed ? "close" : "open", null, articleId,
                    closed ? "open" : "closed", closed ? "closed" : "open"));
            events.other(closed ? EventTypes.ARTICLE_CLOSED : EventTypes.ARTICLE_OPENED, articleId, moderator,
                    Map.of("articleId", articleId, "closed", closed));
        }
        return new ArticleState(articleId, closed);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AuditPage auditTrail(String commentId, Cursor before, int limit) {
        KeysetPage<AuditEntry> page = KeysetPage.of(audit.newestFirst(commentId, before, limit), limit,
                entry -> new Cursor(entry.at(), entry.id().toString()));
        return new AuditPage(page.items().stream().map(AuditView::of).toList(), page.nextCursor());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ModerationStats stats() {
        Map<CommentStatus, Long> counts = comments.countByStatus();
        return new ModerationStats(counts.get(CommentStatus.PENDING), counts.get(CommentStatus.APPROVED),
                counts.get(CommentStatus.REJECTED), counts.get(CommentStatus.SPAM));
    }

    private Comment lockedForChange(String id, String ifMatch) {
        Comment comment = comments.findForUpdate(id).orElseThrow(CommentNotFoundException::new);
        requireMatch(comment, ifMatch);
        return comment;
    }

    private static void requireMatch(Comment comment, String ifMatch) {
        if (EntityTags.matchFails(ifMatch, VersionedView.etagOf(comment))) {
            throw new StaleCommentException();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
