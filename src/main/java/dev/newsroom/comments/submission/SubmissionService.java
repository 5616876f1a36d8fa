package dev.newsroom.comments.submission;

import dev.newsroom.comments.antispam.Candidate;
import dev.newsroom.comments.antispam.IntakePipeline;
import dev.newsroom.comments.antispam.Verdict;
import dev.newsroom.comments.captcha.CaptchaRejectedException;
import dev.newsroom.comments.captcha.CaptchaService;
import dev.newsroom.comments.comment.ArticleChanged;
import dev.newsroom.comments.comment.ArticleId;
import dev.newsroom.comments.comment.ArticleRegistry;
import dev.newsroom.comments.comment.AuthorRecord;
import dev.newsroom.comments.comment.Authors;
import dev.newsroom.comments.comment.ModerationViews;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.event.PublishedChange;
import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentMetrics;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.EmailVault;
import dev.newsroom.comments.comment.SubmissionConfig;
import dev.newsroom.comments.config.SettingBounds;
import dev.newsroom.comments.web.ProblemException;
import io.micrometer.core.annotation.Timed;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Takes a reader's comment: fields first (so an invalid form never burns its captcha) and whether
 * the article is open, then the
 * captcha, then the intake rules, then one durable write. The spent captcha and the comment are
 * committed together; a wrong answer commits the spent captcha alone.
 */
@ApplicationScoped
public class SubmissionService {

    private final Event<ArticleChanged> articleChanged;
    private final CaptchaService captcha;
    private final IntakePipeline intake;
    private final CommentRepository comments;
    private final ArticleRegistry articles;
    private final CommentMetrics metrics;
    private final BlindIndex index;
    private final Authors authors;
    private final ModerationViews views;
    private final EventLog events;
    private final EmailVault vault;
    private final Clock clock;

    /** Checked as the service starts (no instance needed): the database column holds 10,000 characters. */
    static void checkSettings(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            SubmissionConfig config) {
        SettingBounds.require("comments.submission.max-body-length", config.maxBodyLength(), 1, 10_000);
    }

    SubmissionService(CaptchaService captcha, IntakePipeline intake, CommentRepository comments,
            ArticleRegistry articles, CommentMetrics metrics, BlindIndex index, Authors authors, ModerationViews views,
            EventLog events, EmailVault vault, Event<ArticleChanged> articleChanged, Clock clock) {
        this.views = views;
        this.events = events;
        this.authors = authors;
        this.articleChanged = articleChanged;
        this.captcha = captcha;
        this.intake = intake;
        this.comments = comments;
        this.articles = articles;
        this.metrics = metrics;
        this.index = index;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * @param clientAddress the client's address (socket, or forwarded by a trusted proxy); only
     *                      its keyed fingerprint is stored
     */
    // Submissions share their path with readers' lists, which http_server_requests leaves out
    // (application.properties): this timer is their latency, tagged with the exception if any.
    @Timed(value = "comments.submissions", description = "Comment submissions, from validation to commit")
    @Transactional(dontRollbackOn = CaptchaRejectedException.WrongAnswer.class)
    public SubmittedComment submit(@ArticleId String articleId, @NotNull @Valid CommentSubmission submission,
            String clientAddress) {
        if (articles.isClosed(articleId)) {
            throw new CommentsClosedException();
        }
        if (submission.parentId() != null && comments.findApprovedInArticle(submission.parentId(), articleId).isEmpty()) {
            throw ProblemException.invalidField("parentId", "must be the id of an approved comment of this article");
        }
        String requestHash = index.request(articleId, submission.name(), submission.email(), submission.body(),
                submission.website(), submission.parentId(), submission.homepage(), submission.captchaToken(),
                submission.captchaAnswer());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String commentId = Comment.newId(now);
        CaptchaService.Redemption redemption = captcha.redeem(submission.captchaToken(), submission.captchaAnswer(),
                requestHash, commentId);
        if (redemption.earlierCommentId() != null) {
            return comments.findByIdOptional(redemption.earlierCommentId()).map(SubmittedComment::of)
                    .orElseThrow(() -> new IllegalStateException("A redeemed captcha names a missing comment"));
        }
        String emailIndex = index.email(submission.email());
        String clientIndex = index.client(clientAddress);
        AuthorRecord author = authors.recordFor(emailIndex, now);
        Verdict verdict = intake.judge(new Candidate(articleId, submission.name(), submission.email(),
                submission.website(), submission.body(), submission.homepage(), redemption.issuedAt(), now,
                emailIndex, clientIndex, author));
        Comment comment = Comment.submitted(commentId, articleId, submission.parentId(), submission.name(), submission.email(),
                submission.website(), submission.body(), verdict.status(), verdict.reasons(), now, emailIndex,
                clientIndex, vault);
        comments.persist(comment);
        comments.flush();
        events.comment(EventTypes.SUBMITTED, views.ofSubmitted(comment, submission.email(), author), null,
                comment.status() == CommentStatus.APPROVED ? PublishedChange.PUBLISHED : null);
        if (comment.status() == CommentStatus.APPROVED) {
            articleChanged.fire(new ArticleChanged(articleId));
        }
        metrics.received(verdict.status());
        return SubmittedComment.of(comment);
    }
}
