package dev.newsroom.comments.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.InMemoryRateCounters;
import dev.newsroom.comments.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-19T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new InMemoryRateCounters(clock), 10, LOCKOUT, clock);

    @Test
    void tenFailuresLockAUsernameOutForFifteenMinutes() {
        fail(9, "ana", "10.0.0.1");
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isEmpty());

        fail(1, "ana", "10.0.0.2");

        assertEquals(Optional.of(LOCKOUT), throttle.lockedOut("ana", "10.0.0.3"), "from any address");
        clock.advance(LOCKOUT.minusSeconds(1));
        assertTrue(throttle.lockedOut("ana", "10.0.0.3").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.lockedOut("ana", "10.0.0.3").isEmpty());
    }

    @Test
    void otherUsernamesAreNotAffected() {
        fail(10, "ana", "10.0.0.1");
        assertTrue(throttle.lockedOut("bob", "10.0.0.2").isEmpty());
        assertTrue(throttle.lockedOut("bob", "10.0.0.1").isEmpty(), "the address is below its own limit");
    }

    @Test
    void anAddressTryingManyUsernamesIsLockedOut() {
        for (int i = 0; i < 10 * LoginThrottle.ADDRESS_FACTOR; i++) {
            throttle.recordFailure("user-" + i, "10.6.6.6");
        }
        assertTrue(throttle.lockedOut("someone-new", "10.6.6.6").isPresent());
        assertTrue(throttle.lockedOut("someone-new", "10.0.0.1").isEmpty());
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        fail(9, "ana", "10.0.0.1");
        clock.advance(LOCKOUT);
        fail(9, "ana", "10.0.0.1");
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isEmpty());
    }

    @Test
    void unknownUsernamesAreThrottledLikeKnownOnes() {
        fail(10, "no-such-user", "10.0.0.1");
        assertTrue(throttle.lockedOut("no-such-user", "10.0.0.9").isPresent());
    }

    private void fail(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, address);
        }
    }
}
