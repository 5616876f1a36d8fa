package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** Nobody reads a question and types a comment in under three seconds: such a comment is held. */
@ApplicationScoped
class TooFastRule implements IntakeRule {

    static final String REASON = "too-fast";

    private final Duration minimum;

    @Inject
    TooFastRule(AntispamConfig config) {
        this(config.minSubmitTime());
    }

    TooFastRule(Duration minimum) {
        this.minimum = minimum;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        boolean tooFast = Duration.between(candidate.captchaIssuedAt(), candidate.receivedAt()).compareTo(minimum) < 0;
        return tooFast ? Optional.of(Verdict.hold(REASON)) : Optional.empty();
    }
}
