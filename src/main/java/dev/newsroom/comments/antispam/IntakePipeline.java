package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.CommentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Decides where a valid submission goes. The rules run in the order listed here; the first one
 * that fires decides. Without a verdict the comment waits for a moderator (policy {@code hold-all}).
 */
@ApplicationScoped
public class IntakePipeline {

    private final List<IntakeRule> rules;

    IntakePipeline(HoneypotRule honeypot) {
        this.rules = List.of(honeypot);
    }

    public Verdict judge(Candidate candidate) {
        for (IntakeRule rule : rules) {
            var verdict = rule.judge(candidate);
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        return new Verdict(CommentStatus.PENDING, List.of());
    }
}
