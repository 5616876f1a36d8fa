package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.ArticleIds;
import dev.newsroom.comments.comment.Author;
import dev.newsroom.comments.comment.Authors;
import dev.newsroom.comments.comment.CommentFilter;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Bulk moderation by query (API.md §5): every comment matching a filter, at most
 * {@value #MAX_APPLIED} a call. The matches are walked oldest first in batches of {@value #BATCH},
 * each its own transaction (so a run holds no long transaction, and readers and other moderators
 * wait at most for one batch's row locks), and each comment is audited as in the other bulk.
 */
@ApplicationScoped
public class BulkByFilter {

    static final int MAX_APPLIED = 10_000;
    static final int BATCH = 100;

    private final CommentRepository comments;
    private final Authors authors;
    private final ModerationService moderation;

    BulkByFilter(CommentRepository comments, Authors authors, ModerationService moderation) {
        this.comments = comments;
        this.authors = authors;
        this.moderation = moderation;
    }

    BulkFilterResult apply(BulkFilterRequest request, String moderator) {
        BulkFilterRequest.Filter given = request.filter();
        if (given.submittedAfter() != null && given.submittedBefore() != null
                && !given.submittedAfter().isBefore(given.submittedBefore())) {
            throw ProblemException.invalidField("filter.submittedBefore", "must be after submittedAfter");
        }
        String articleId = given.articleId() == null || given.articleId().isEmpty() ? null
                : ArticleIds.requireValid(given.articleId());
        Optional<String> emailIndex = Optional.empty();
        if (given.authorId() != null) {
            emailIndex = authors.findById(given.authorId()).map(Author::emailIndex);
            if (emailIndex.isEmpty()) {
                return new BulkFilterResult(0, 0, false); // no such author: nothing can match
            }
        }
        CommentFilter filter = new CommentFilter(CommentStatus.fromWireName(given.status()).orElseThrow(), articleId,
                emailIndex.orElse(null), given.reason() == null || given.reason().isEmpty() ? null : given.reason(),
                given.submittedAfter(), given.submittedBefore());
        return apply(filter, request.action(), request.dryRunOnly(),
                new DecisionReason(request.reason(), request.note()), moderator);
    }

    /** The same for callers of other features (a ban that rejects the author's pending comments). */
    public BulkFilterResult apply(CommentFilter filter, String action, boolean dryRun, DecisionReason why,
            String moderator) {
        long matched = QuarkusTransaction.joiningExisting().call(() -> comments.countMatching(filter));
        boolean truncated = matched > MAX_APPLIED;
        if (dryRun) {
            return new BulkFilterResult(matched, 0, truncated);
        }
        long applied = 0;
        int considered = 0;
        Cursor after = null;
        while (considered < MAX_APPLIED) {
            Cursor from = after;
            int size = Math.min(BATCH, MAX_APPLIED - considered);
            List<Cursor> batch = QuarkusTransaction.joiningExisting().call(() -> comments.nextMatching(filter, from, size));
            if (batch.isEmpty()) {
                break;
            }
            applied += moderation.applyBatch(batch.stream().map(Cursor::id).toList(), filter.status(), action, why,
                    moderator);
            considered += batch.size();
            after = batch.getLast();
        }
        return new BulkFilterResult(matched, applied, truncated);
    }
}
