package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** Nobody reads a question and types a comment in under three seconds: such a comment is held. */
@ApplicationScoped
class TooFastRule implements IntakeRule {

    static final String REASON = "too-fast";

    private final Duration minimum;

    TooFastRule(AntispamConfig config) {
        this.minimum = config.minSubmitTime();
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        boolean tooFast = Duration.between(candidate.captchaIssuedAt(), candidate.receivedAt()).compareTo(minimum) < 0;
        return tooFast ? Optional.of(Verdict.hold(REASON)) : Optional.empty();
    }
}
