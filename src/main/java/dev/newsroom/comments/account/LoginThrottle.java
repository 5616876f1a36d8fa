package dev.newsroom.comments.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down password guessing. Failed logins are counted per username and per client address
 * over a window; past the limit, that username (or address) is locked out for the lockout period,
 * whatever password it sends, and whether or not the username exists. A username's failures do
 * not affect other usernames; an address gets a higher limit than a username because several
 * moderators may share one office address.
 *
 * <p>The counts live in this instance's memory: with N instances a guesser gets at most N times
 * the limit. Memory is bounded: past {@value #MAX_TRACKED} keys, expired ones are dropped and new
 * ones are not tracked until there is room (the address limit still applies to them).
 */
@ApplicationScoped
class LoginThrottle {

    static final int MAX_TRACKED = 100_000;
    /** An address may fail this many times the username limit. */
    static final int ADDRESS_FACTOR = 5;

    private record Failures(int count, Instant windowStart, Instant lockedUntil) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    @Inject
    LoginThrottle(AccountConfig config, Clock clock) {
        this(config.maxFailedLogins(), config.lockout(), clock);
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if this username or address is locked out. */
    Optional<Duration> lockedOut(String username, String address) {
        Instant now = clock.instant();
        return latest(remaining(userKey(username), now), remaining(addressKey(address), now));
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            record(userKey(username), maxFailures, now);
        }
        record(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
    }

    private void record(String key, int limit, Instant now) {
        if (!failures.containsKey(key) && failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> expired(f, now));
            if (failures.size() >= MAX_TRACKED) {
                return;
            }
        }
        failures.compute(key, (k, previous) -> {
            Failures current = previous == null || expired(previous, now) ? new Failures(0, now, null) : previous;
            int count = current.count() + 1;
            Instant lockedUntil = count >= limit ? now.plus(lockout) : current.lockedUntil();
            return new Failures(count, current.windowStart(), lockedUntil);
        });
    }

    private Optional<Duration> remaining(String key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        Failures entry = failures.get(key);
        if (entry == null || entry.lockedUntil() == null || !now.isBefore(entry.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, entry.lockedUntil()));
    }

    /** A window ends {@code lockout} after it began, or when its lockout ends, whichever is later. */
    private boolean expired(Failures entry, Instant now) {
        Instant end = entry.windowStart().plus(lockout);
        if (entry.lockedUntil() != null && entry.lockedUntil().isAfter(end)) {
            end = entry.lockedUntil();
        }
        return !now.isBefore(end);
    }

    private static Optional<Duration> latest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return username == null ? null : "user:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
