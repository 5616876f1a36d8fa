package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Policy {@code trust-returning}: an author with enough approved comments and none marked spam is
 * published at once, unless another rule holds the comment. See {@link PolicyConfig.Policy} for the risk.
 */
@ApplicationScoped
class TrustedAuthorRule implements IntakeRule {

    static final String REASON = "trusted-author";

    private final AuthorHistory history;
    private final PolicyConfig.Policy policy;
    private final int trustAfter;

    @Inject
    TrustedAuthorRule(AuthorHistory history, PolicyConfig config) {
        this(history, config.policy(), config.trustAfter());
    }

    TrustedAuthorRule(AuthorHistory history, PolicyConfig.Policy policy, int trustAfter) {
        this.history = history;
        this.policy = policy;
        this.trustAfter = trustAfter;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        if (policy != PolicyConfig.Policy.TRUST_RETURNING) {
            return Optional.empty();
        }
        var record = history.record(candidate.emailIndex());
        boolean trusted = record.approved() >= trustAfter && record.spam() == 0;
        return trusted ? Optional.of(Verdict.publish(REASON)) : Optional.empty();
    }
}
