package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Policy {@code trust-returning}: an author with enough approved comments and none marked spam is
 * published at once, unless another rule holds the comment. See {@link PolicyConfig.Policy} for the risk.
 */
@ApplicationScoped
class TrustedAuthorRule implements IntakeRule {

    static final String REASON = "trusted-author";

    private final AuthorHistory history;
    private final PolicyConfig policy;

    TrustedAuthorRule(AuthorHistory history, PolicyConfig policy) {
        this.history = history;
        this.policy = policy;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        if (policy.policy() != PolicyConfig.Policy.TRUST_RETURNING) {
            return Optional.empty();
        }
        var record = history.record(candidate.emailIndex());
        boolean trusted = record.approved() >= policy.trustAfter() && record.spam() == 0;
        return trusted ? Optional.of(Verdict.publish(REASON)) : Optional.empty();
    }
}
