package dev.newsroom.comments.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again (API.md §6): after the n-th failed attempt, the n-th delay
 * (the last one repeating), but never later than {@code giveUpAfter} after the first attempt, where
 * one last attempt is made; once that much time has passed, a failure is final. With the defaults:
 * attempts at 0 s, 5 s, 35 s, 2 min 35 s, 12 min 35 s, 1 h 12 min, then every 6 h, and at 24 h.
 */
record RetrySchedule(List<Duration> delays, Duration giveUpAfter) {

    static final Duration SHORTEST_DELAY = Duration.ofMillis(100);

    RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty() || delays.stream().anyMatch(delay -> delay.compareTo(SHORTEST_DELAY) < 0)) {
            throw new IllegalStateException("comments.webhooks.retry-delays must list delays of at least 100 ms");
        }
        if (giveUpAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("comments.webhooks.give-up-after must be at least 1 s");
        }
    }

    static RetrySchedule of(WebhooksConfig config) {
        return new RetrySchedule(config.retryDelays(), config.giveUpAfter());
    }

    /**
     * When to try again after failed attempt number {@code attempts} (1 for the first), made at
     * {@code now}; empty when the delivery has failed for good.
     */
    Optional<Instant> next(int attempts, Instant firstAttempt, Instant now) {
        Instant lastChance = firstAttempt.plus(giveUpAfter);
        if (!now.isBefore(lastChance)) {
            return Optional.empty();
        }
        Instant next = now.plus(delays.get(Math.min(Math.max(attempts, 1), delays.size()) - 1));
        return Optional.of(next.isAfter(lastChance) ? lastChance : next);
    }
}
