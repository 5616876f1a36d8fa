package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A second comment from the same author or client within the flood interval is refused with 429 (WordPress: 15 s). */
@ApplicationScoped
class FloodRule implements IntakeRule {

    private final AuthorHistory history;
    private final Duration interval;

    @Inject
    FloodRule(AuthorHistory history, AntispamConfig config) {
        this(history, config.floodInterval());
    }

    FloodRule(AuthorHistory history, Duration interval) {
        this.history = history;
        this.interval = interval;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        if (interval.isZero() || interval.isNegative()) {
            return Optional.empty();
        }
        Optional<Instant> latest = history.latestFrom(candidate.emailIndex(), candidate.clientIndex(),
                candidate.receivedAt().minus(interval));
        if (latest.isPresent()) {
            Duration wait = Duration.between(candidate.receivedAt(), latest.get().plus(interval));
            throw new AntispamProblems.TooManySubmissions("You are posting comments too quickly; slow down.",
                    wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
        return Optional.empty();
    }
}
