package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.Standing;
import dev.newsroom.comments.config.SettingBounds;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;

/**
 * Decides where a valid submission goes. The rules run in the order listed here: first the
 * gates that refuse (flood, duplicate), then every rule that files or holds; all verdicts are
 * combined (spam over held over published) with all their reasons. Without any verdict the
 * comment waits for a moderator. Adding a rule: one class, one line here.
 *
 * <p>An author's standing (API.md §5) comes last and outranks the policy: {@code banned} files the
 * comment as spam, {@code premoderated} holds it, {@code trusted} publishes it unless a spam rule
 * fires, the hold rules (too fast, links, held words) not applying to a trusted author.
 */
@ApplicationScoped
public class IntakePipeline {

    private final List<IntakeRule> rules;

    IntakePipeline(FloodRule flood, DuplicateRule duplicate, HoneypotRule honeypot, BlockedWordsRule blockedWords,
            TooFastRule tooFast, LinkCountRule links, HeldWordsRule heldWords, TrustedAuthorRule trustedAuthor) {
        this.rules = List.of(flood, duplicate, honeypot, blockedWords, tooFast, links, heldWords, trustedAuthor);
    }

    /** The rules' numeric settings, checked as the service starts (no instance needed). */
    static void checkSettings(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            AntispamConfig antispam, RateLimitConfig rateLimit, PolicyConfig policy) {
        SettingBounds.atLeast("comments.antispam.max-links", antispam.maxLinks(), 1);
        SettingBounds.atLeast("comments.rate-limit.submissions-per-minute", rateLimit.submissionsPerMinute(), 1);
        SettingBounds.atLeast("comments.rate-limit.captchas-per-minute", rateLimit.captchasPerMinute(), 1);
        SettingBounds.atLeast("comments.rate-limit.reports-per-minute", rateLimit.reportsPerMinute(), 1);
        SettingBounds.atLeast("comments.moderation.trust-after", policy.trustAfter(), 1);
        SettingBounds.require("comments.moderation.reports-to-hold", policy.reportsToHold(), 0,
                PolicyConfig.MAX_REPORTS_TO_HOLD);
    }

    static final String BANNED = "banned-author";
    static final String PREMODERATED = "premoderated-author";

    public Verdict judge(Candidate candidate) {
        Standing standing = candidate.author().standing();
        Verdict verdict = byStanding(standing);
        for (IntakeRule rule : rules) {
            var finding = rule.judge(candidate).filter(found -> counts(found, standing));
            if (finding.isPresent()) {
                verdict = verdict == null ? finding.get() : verdict.and(finding.get());
            }
        }
        return verdict == null ? new Verdict(CommentStatus.PENDING, List.of()) : verdict;
    }

    private static Verdict byStanding(Standing standing) {
        return switch (standing) {
            case NORMAL -> null;
            case TRUSTED -> Verdict.publish(TrustedAuthorRule.REASON);
            case PREMODERATED -> Verdict.hold(PREMODERATED);
            case BANNED -> Verdict.spam(BANNED);
        };
    }

    /**
     * Which rule verdicts a standing lets through: a trusted author's comment only answers to the
     * spam rules; for the others the standing decides what the policy would publish.
     */
    private static boolean counts(Verdict found, Standing standing) {
        return switch (standing) {
            case NORMAL -> true;
            case TRUSTED -> found.status() == CommentStatus.SPAM;
            case PREMODERATED, BANNED -> found.status() != CommentStatus.APPROVED;
        };
    }
}
