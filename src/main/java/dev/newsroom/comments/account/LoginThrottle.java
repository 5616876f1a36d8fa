package dev.newsroom.comments.account;

import dev.newsroom.comments.ratelimit.RateCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Slows down password guessing without letting a guesser lock a moderator out (OWASP's "device
 * cookies"). Failures are counted over a window; past a limit the key is locked out for the lockout
 * period, whatever password it sends, and whether or not the username exists.
 *
 * <ul>
 * <li>A <em>trusted device</em> (a browser holding a valid {@link DeviceCookies device cookie} for the
 * username it tries) is counted on its own: {@code maxFailures} failures lock out that device only.
 * Nobody else's failures lock it out, so a moderator keeps signing in while strangers guess.</li>
 * <li>Any other client is counted per username <em>and</em> address together ({@code maxFailures}),
 * per address whatever the username ({@value #ADDRESS_FACTOR} times more, as several moderators may
 * share one office address), and per username across all untrusted clients ({@value #USERNAME_FACTOR}
 * times more: guessing spread over many addresses). That last lock shuts out untrusted clients only.</li>
 * </ul>
 *
 * <p>The counts are {@link RateCounters} in the database: a guesser gets the limit once, however
 * many instances serve the service.
 */
@ApplicationScoped
class LoginThrottle {

    /** An address may fail this many times the per-username limit. */
    static final int ADDRESS_FACTOR = 5;
    /** Untrusted clients together may fail a username this many times the per-client limit. */
    static final int USERNAME_FACTOR = 10;

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

    /** How long an untrusted client must wait before trying this username (or any, for a null username). */
    Optional<Duration> lockedOut(String username, String address) {
        return lockedOut(username, address, null);
    }

    /**
     * How long the caller must wait before trying again, if locked out. {@code device} is the id of
     * a trusted device for this username ({@link DeviceCookies#deviceOf}), or null.
     */
    Optional<Duration> lockedOut(String username, String address, String device) {
        Instant now = clock.instant();
        Stream<Optional<Instant>> locks = device != null
                ? Stream.of(lockedUntil(deviceKey(device), maxFailures, now))
                : Stream.of(
                        username == null ? Optional.<Instant>empty()
                                : lockedUntil(userAddressKey(username, address), maxFailures, now),
                        username == null ? Optional.<Instant>empty()
                                : lockedUntil(userKey(username), maxFailures * USERNAME_FACTOR, now),
                        lockedUntil(addressKey(address), maxFailures * ADDRESS_FACTOR, now));
        return locks.flatMap(Optional::stream).max(Instant::compareTo).map(until -> Duration.between(now, until));
    }

    void recordFailure(String username, String address) {
        recordFailure(username, address, null);
    }

    /** Counts a failed login: against the trusted device only, or against the username, address and both. */
    void recordFailure(String username, String address, String device) {
        if (device != null) {
            counters.hit(deviceKey(device), maxFailures, lockout);
            return;
        }
        if (username != null) {
            counters.hit(userAddressKey(username, address), maxFailures, lockout);
            counters.hit(userKey(username), maxFailures * USERNAME_FACTOR, lockout);
        }
        counters.hit(addressKey(address), maxFailures * ADDRESS_FACTOR, lockout);
    }

    private Optional<Instant> lockedUntil(String key, int limit, Instant now) {
        return counters.peek(key).filter(tally -> tally.reached(limit, now)).map(RateCounters.Tally::windowEnd);
    }

    private static String userKey(String username) {
        return "login-user|" + username;
    }

    private static String userAddressKey(String username, String address) {
        return "login-user-address|" + username + "|" + address;
    }

    private static String addressKey(String address) {
        return "login-address|" + address;
    }

    private static String deviceKey(String device) {
        return "login-device|" + device;
    }
}
