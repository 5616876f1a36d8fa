package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Policy {@code trust-returning}: an author with enough approved comments and none marked spam is
 * published at once, unless another rule holds the comment. (The {@code trusted} standing a
 * moderator gives is another matter, applied by {@link IntakePipeline} whatever the policy.) See {@link PolicyConfig.Policy} for the risk.
 * The policy is read at each post: administrators switch it over the API (the surge switch).
 */
@ApplicationScoped
class TrustedAuthorRule implements IntakeRule {

    static final String REASON = "trusted-author";

    private final CurrentPolicy policy;
    private final int trustAfter;

    @Inject
    TrustedAuthorRule(CurrentPolicy policy, PolicyConfig config) {
        this(policy, config.trustAfter());
    }

    TrustedAuthorRule(PolicyConfig.Policy policy, int trustAfter) {
        this(() -> policy, trustAfter);
    }

    private TrustedAuthorRule(CurrentPolicy policy, int trustAfter) {
        this.policy = policy;
        this.trustAfter = trustAfter;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        if (policy.moderationPolicy() != PolicyConfig.Policy.TRUST_RETURNING) {
            return Optional.empty();
        }
        var record = candidate.author();
        boolean trusted = record.approved() >= trustAfter && record.spam() == 0;
        return trusted ? Optional.of(Verdict.publish(REASON)) : Optional.empty();
    }
}
