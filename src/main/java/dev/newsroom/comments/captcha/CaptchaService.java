package dev.newsroom.comments.captcha;

import dev.newsroom.comments.comment.CommentEdited;
import dev.newsroom.comments.secret.GeneratedSecrets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.hibernate.exception.ConstraintViolationException;

/** Issues challenges and redeems them exactly once. */
@Startup
@ApplicationScoped
public class CaptchaService {

    private static final int MIN_SECRET_LENGTH = 32;
    private static final java.time.Duration MAX_TTL = java.time.Duration.ofDays(1);

    private final CaptchaConfig config;
    private final QuestionGenerator questions;
    private final CaptchaTokens tokens;
    private final EntityManager entityManager;
    private final Map<CaptchaRejectedException.Reason, Counter> failures = new EnumMap<>(CaptchaRejectedException.Reason.class);
    private final Clock clock;

    CaptchaService(CaptchaConfig config, QuestionGenerator questions, GeneratedSecrets secrets,
            EntityManager entityManager, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.questions = questions;
        this.entityManager = entityManager;
        for (CaptchaRejectedException.Reason reason : CaptchaRejectedException.Reason.values()) {
            failures.put(reason, Counter.builder("captcha.failures")
                    .description("Submissions refused for their captcha, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(meters));
        }
        this.clock = clock;
        if (config.ttl().isNegative() || config.ttl().isZero() || config.ttl().compareTo(MAX_TTL) > 0) {
            throw new IllegalStateException("comments.captcha.ttl must be more than zero and at most " + MAX_TTL);
        }
        this.tokens = new CaptchaTokens(signingSecret(config, secrets));
    }

    private static String signingSecret(CaptchaConfig config, GeneratedSecrets secrets) {
        if (config.secret().isPresent()) {
            if (config.secret().get().length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(
                        "comments.captcha.secret must be at least " + MIN_SECRET_LENGTH + " characters long");
            }
            return config.secret().get();
        }
        Log.info("No comments.captcha.secret configured: using the signing secret generated with the data");
        return secrets.obtain("captcha-signing");
    }

    public CaptchaChallenge issue() {
        QuestionGenerator.Question question = questions.next();
        Instant now = clock.instant();
        String token = tokens.issue(question.answer(), now, config.ttl());
        return new CaptchaChallenge(token, question.text(), CaptchaTokens.expiry(now, config.ttl()));
    }

    /**
     * Redeems a token within the caller's transaction: the token is recorded as spent whatever
     * the answer, so each challenge gets exactly one guess on every instance. Throws
     * {@link CaptchaRejectedException} (its {@link CaptchaRejectedException.WrongAnswer} subtype
     * when the spent record must be kept). A token spent by exactly the same request (same
     * {@code requestHash}) that created a comment is not refused: the answer names that comment,
     * so a client retrying after a lost answer gets the original one back.
     *
     * @param commentId the id the comment will have: the spent record names it when the answer is
     *                  right, and the caller's transaction stores both or neither
     */
    // dontRollbackOn here too: a joined transaction is marked rollback-only by every interceptor it passes.
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = CaptchaRejectedException.WrongAnswer.class)
    public Redemption redeem(String token, String answer, String requestHash, String commentId) {
        CaptchaTokens.Ticket ticket = tokens.open(token)
                .orElseThrow(() -> rejected(CaptchaRejectedException.Reason.INVALID));
        if (!CaptchaTokens.isLive(ticket, clock.instant())) {
            throw rejected(CaptchaRejectedException.Reason.EXPIRED);
        }
        SpentCaptcha earlier = entityManager.find(SpentCaptcha.class, ticket.challengeId());
        if (earlier != null) {
            if (earlier.commentId != null && requestHash.equals(earlier.requestHash)) {
                return new Redemption(ticket.challengeId(), ticket.issuedAt(), earlier.commentId);
            }
            throw rejected(CaptchaRejectedException.Reason.ALREADY_USED); // the common replay, without a failed insert
        }
        OptionalInt parsed = AnswerParser.parse(answer);
        boolean right = parsed.isPresent() && tokens.answerMatches(ticket, parsed.getAsInt());
        try {
            entityManager.persist(SpentCaptcha.of(ticket, requestHash, right ? commentId : null));
            entityManager.flush();
        } catch (PersistenceException e) {
            // Only the primary key says "spent meanwhile by a concurrent request"; anything else
            // (the database went away mid-request, say) is not the client's fault and must not read as such.
            if (isDuplicateKey(e)) {
                throw rejected(CaptchaRejectedException.Reason.ALREADY_USED);
            }
            throw e;
        }
        if (!right) {
            countFailure(CaptchaRejectedException.Reason.WRONG);
            throw new CaptchaRejectedException.WrongAnswer();
        }
        return new Redemption(ticket.challengeId(), ticket.issuedAt(), null);
    }

    /**
     * A moderator edited the comment this captcha created: its request hash is a keyed hash over the
     * old fields, so it goes, in the edit's transaction (API.md §5: the old text survives nowhere).
     * An identical retry of the original post is then refused as a spent captcha rather than answered
     * with the comment, which no longer reads as posted anyway.
     */
    void forgetRequestOf(@Observes CommentEdited edited) {
        entityManager.createQuery("update SpentCaptcha set requestHash = null where commentId = :id")
                .setParameter("id", edited.commentId()).executeUpdate();
    }

    /**
     * A redeemed challenge: when it was issued (for the too-fast rule), and, for an identical
     * retry, the comment the first request created.
     */
    public record Redemption(String challengeId, Instant issuedAt, String earlierCommentId) {
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private CaptchaRejectedException rejected(CaptchaRejectedException.Reason reason) {
        countFailure(reason);
        return new CaptchaRejectedException(reason);
    }

    private void countFailure(CaptchaRejectedException.Reason reason) {
        failures.get(reason).increment();
    }
}
