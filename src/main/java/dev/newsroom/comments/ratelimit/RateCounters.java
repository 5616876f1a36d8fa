package dev.newsroom.comments.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts events per key in windows, for rate limits and login throttling. A key's window starts
 * at its first event; the event that reaches the limit restarts the window, so a key that hit
 * its limit stays over it for one full window. The production implementation keeps the counts
 * in the database, so every instance of the service sees the same counts.
 */
public interface RateCounters {

    /** The count of a key: events in the current window, and when that window ends. */
    record Tally(int hits, Instant windowEnd) {

        /** Whether the key has reached {@code limit} and its window is still open at {@code now}. */
        public boolean reached(int limit, Instant now) {
            return hits >= limit && now.isBefore(windowEnd);
        }

        /** The count after one more event at {@code now}, given the count before it (null: none yet). */
        public static Tally next(Tally previous, Instant now, int limit, Duration window) {
            boolean open = previous != null && now.isBefore(previous.windowEnd());
            int hits = open ? previous.hits() + 1 : 1;
            Instant windowEnd = open && hits != limit ? previous.windowEnd() : now.plus(window);
            return new Tally(hits, windowEnd);
        }
    }

    /** Counts one event of {@code key} and returns the count including it. */
    Tally hit(String key, int limit, Duration window);

    /** The current count of {@code key}, if its window is still open. */
    Optional<Tally> peek(String key);
}
