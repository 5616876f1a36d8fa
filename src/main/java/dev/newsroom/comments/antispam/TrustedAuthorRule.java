package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Policy {@code trust-returning}: an author with enough approved comments and none marked spam is
 * published at once, unless another rule holds the comment. See {@link PolicyConfig.Policy} for the risk.
 * The policy is read at each post: administrators switch it over the API (the surge switch).
 */
@ApplicationScoped
class TrustedAuthorRule implements IntakeRule {

    static final String REASON = "trusted-author";

    private final AuthorHistory history;
    private final CurrentPolicy policy;
    private final int trustAfter;

    @Inject
    TrustedAuthorRule(AuthorHistory history, CurrentPolicy policy, PolicyConfig config) {
        this(history, policy, config.trustAfter());
    }

    TrustedAuthorRule(AuthorHistory history, PolicyConfig.Policy policy, int trustAfter) {
        this(history, () -> policy, trustAfter);
    }

    private TrustedAuthorRule(AuthorHistory history, CurrentPolicy policy, int trustAfter) {
        this.history = history;
        this.policy = policy;
        this.trustAfter = trustAfter;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        if (policy.moderationPolicy() != PolicyConfig.Policy.TRUST_RETURNING) {
            return Optional.empty();
        }
        var record = history.record(candidate.emailIndex());
        boolean trusted = record.approved() >= trustAfter && record.spam() == 0;
        return trusted ? Optional.of(Verdict.publish(REASON)) : Optional.empty();
    }
}
