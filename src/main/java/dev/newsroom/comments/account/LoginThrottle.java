package dev.newsroom.comments.account;

import dev.newsroom.comments.ratelimit.RateCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down password guessing. Failed logins are counted per username and per client address
 * over a window; past the limit, that username (or address) is locked out for the lockout period,
 * whatever password it sends, and whether or not the username exists. A username's failures do
 * not affect other usernames; an address gets a higher limit than a username because several
 * moderators may share one office address.
 *
 * <p>The counts are {@link RateCounters} in the database: a guesser gets the limit once, however
 * many instances serve the service.
 */
@ApplicationScoped
class LoginThrottle {

    /** An address may fail this many times the username limit. */
    static final int ADDRESS_FACTOR = 5;

    private final RateCounters counters;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    @Inject
    LoginThrottle(RateCounters counters, AccountConfig config, Clock clock) {
        this(counters, config.maxFailedLogins(), config.lockout(), clock);
    }

    LoginThrottle(RateCounters counters, int maxFailures, Duration lockout, Clock clock) {
        this.counters = counters;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if this username or address is locked out. */
    Optional<Duration> lockedOut(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> user = username == null ? Optional.empty() : lockedUntil(userKey(username), maxFailures, now);
        Optional<Instant> client = lockedUntil(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
        return user.or(() -> client).map(until -> client.filter(until::isBefore).orElse(until))
                .map(until -> Duration.between(now, until));
    }

    void recordFailure(String username, String address) {
        if (username != null) {
            counters.hit(userKey(username), maxFailures, lockout);
        }
        counters.hit(addressKey(address), maxFailures * ADDRESS_FACTOR, lockout);
    }

    private Optional<Instant> lockedUntil(String key, int limit, Instant now) {
        return counters.peek(key).filter(tally -> tally.reached(limit, now)).map(RateCounters.Tally::windowEnd);
    }

    private static String userKey(String username) {
        return "login-user|" + username;
    }

    private static String addressKey(String address) {
        return "login-address|" + address;
    }
}
