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
    void tenFailuresLockAUsernameOutOfThatAddressForFifteenMinutes() {
        fail(9, "ana", "10.0.0.1");
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isEmpty());

        fail(1, "ana", "10.0.0.1");

        assertEquals(Optional.of(LOCKOUT), throttle.lockedOut("ana", "10.0.0.1"));
        assertTrue(throttle.lockedOut("ana", "10.0.0.3").isEmpty(), "another client is not locked out by them");
        clock.advance(LOCKOUT.minusSeconds(1));
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isEmpty());
    }

    @Test
    void guessesSpreadOverManyAddressesLockTheUsernameOutForUntrustedClientsOnly() {
        for (int i = 0; i < 10 * LoginThrottle.USERNAME_FACTOR; i++) {
            throttle.recordFailure("ana", "10.1." + i / 200 + "." + i % 200);
        }
        assertTrue(throttle.lockedOut("ana", "10.0.0.3").isPresent(), "from any address without a device cookie");
        assertTrue(throttle.lockedOut("ana", "10.0.0.3", "anas-laptop").isEmpty(), "Ana's own browser gets through");
    }

    @Test
    void aTrustedDeviceIsLetThroughWhateverStrangersDid() {
        fail(10, "ana", "10.6.6.6");
        for (int i = 0; i < 10 * LoginThrottle.ADDRESS_FACTOR; i++) {
            throttle.recordFailure("user-" + i, "10.0.0.1");
        }
        assertTrue(throttle.lockedOut("ana", "10.6.6.6").isPresent());
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isPresent(), "Ana's office address is locked out too");

        assertTrue(throttle.lockedOut("ana", "10.0.0.1", "anas-laptop").isEmpty());
        assertTrue(throttle.lockedOut("ana", "10.6.6.6", "anas-laptop").isEmpty());
    }

    @Test
    void aTrustedDevicesOwnFailuresLockOutThatDeviceOnly() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("ana", "10.0.0.1", "stolen-laptop");
        }
        assertTrue(throttle.lockedOut("ana", "10.0.0.1", "stolen-laptop").isPresent());
        assertTrue(throttle.lockedOut("ana", "10.0.0.1", "anas-phone").isEmpty());
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isEmpty(), "nor counted against the username or address");
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
        assertTrue(throttle.lockedOut("no-such-user", "10.0.0.1").isPresent());
    }

    private void fail(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, address);
        }
    }
}
