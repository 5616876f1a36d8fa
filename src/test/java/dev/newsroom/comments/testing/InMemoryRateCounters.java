package dev.newsroom.comments.testing;

import dev.newsroom.comments.ratelimit.RateCounters;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RateCounters} in a map, on a test's clock, for unit tests of what uses them. */
public class InMemoryRateCounters implements RateCounters {

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRateCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Tally hit(String key, int limit, Duration window) {
        return tallies.compute(key, (k, previous) -> Tally.next(previous, clock.instant(), limit, window));
    }

    @Override
    public Optional<Tally> peek(String key) {
        return Optional.ofNullable(tallies.get(key)).filter(tally -> clock.instant().isBefore(tally.windowEnd()));
    }
}
