package dev.newsroom.comments.author;

import dev.newsroom.comments.comment.Author;
import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.comment.Authors;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentFilter;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.ModerationViews;
import dev.newsroom.comments.comment.Standing;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.moderation.BulkByFilter;
import dev.newsroom.comments.moderation.BulkFilterResult;
import dev.newsroom.comments.moderation.DecisionReason;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.KeysetPage;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Authors as moderators see them (API.md §5): their record, their comments, and the standing that
 * intake applies to their next comment, on every instance at once (intake reads it from the database
 * for each post).
 */
@ApplicationScoped
class AuthorService {

    private final Authors authors;
    private final CommentRepository comments;
    private final ModerationViews views;
    private final AuditTrail audit;
    private final BulkByFilter bulk;
    private final EventLog events;
    private final Clock clock;

    AuthorService(Authors authors, CommentRepository comments, ModerationViews views, AuditTrail audit,
            BulkByFilter bulk, EventLog events, Clock clock) {
        this.events = events;
        this.authors = authors;
        this.comments = comments;
        this.views = views;
        this.audit = audit;
        this.bulk = bulk;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AuthorView find(String authorId) {
        return AuthorView.of(authors.findById(authorId).orElseThrow(AuthorNotFoundException::new), clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AuthorCommentsPage comments(String authorId, Cursor before, int limit) {
        Author author = authors.findById(authorId).orElseThrow(AuthorNotFoundException::new);
        KeysetPage<Comment> page = KeysetPage.of(comments.findByAuthor(author.emailIndex(), before, limit), limit,
                Comment::position);
        return new AuthorCommentsPage(views.of(page.items()), page.nextCursor());
    }

    /**
     * Sets the standing (audited as {@code standing}, from the standing in force to the new one) and
     * then, if asked, rejects the author's pending comments in committed batches, each audited as a
     * reject with the standing's note. Setting the standing in force again with the same until and
     * note changes nothing and is not audited.
     */
    AuthorView changeStanding(String authorId, StandingChange change, String moderator) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Standing standing = Standing.fromWireName(change.standing()).orElseThrow();
        if (change.until() != null && standing == Standing.NORMAL) {
            throw ProblemException.invalidField("until", "applies to trusted, premoderated and banned only");
        }
        if (change.until() != null && !change.until().isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().strip();
        String emailIndex = QuarkusTransaction.requiringNew().call(() -> {
            Author author = authors.findForUpdate(authorId).orElseThrow(AuthorNotFoundException::new);
            Standing before = author.standingAt(now);
            boolean same = before == standing && java.util.Objects.equals(author.untilAt(now), change.until())
                    && java.util.Objects.equals(author.noteAt(now), note);
            if (!same) {
                author.changeStanding(standing, change.until(), note);
                audit.append(AuditEntry.standing(now, moderator, authorId, before.wireName(), standing.wireName(), note));
                Map<String, Object> data = new java.util.LinkedHashMap<>();
                data.put("authorId", authorId);
                data.put("from", before.wireName());
                data.put("to", standing.wireName());
                data.put("until", change.until() == null ? null : change.until().toString());
                data.put("note", note);
                events.other(EventTypes.STANDING_CHANGED, null, moderator, data);
            }
            return author.emailIndex();
        });
        if (change.rejectsPending()) {
            CommentFilter pending = new CommentFilter(CommentStatus.PENDING, null, emailIndex, null, null, null);
            BulkFilterResult round;
            do {
                round = bulk.apply(pending, "reject", false, new DecisionReason(null, note), moderator);
            } while (round.truncated() && round.applied() > 0);
        }
        return find(authorId);
    }
}
