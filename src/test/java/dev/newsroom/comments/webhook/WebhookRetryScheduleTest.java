package dev.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API.md §6: retried after about 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, and failed after 24 h. */
class WebhookRetryScheduleTest {

    private static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(6)), Duration.ofHours(24));
    private static final Instant FIRST = Instant.parse("2026-06-19T08:00:00Z");

    @ParameterizedTest
    @CsvSource({ "1, PT5S", "2, PT30S", "3, PT2M", "4, PT10M", "5, PT1H", "6, PT6H", "7, PT6H", "12, PT6H" })
    void theNthFailureWaitsTheNthDelay(int attempts, Duration delay) {
        Instant now = FIRST.plusSeconds(1);
        assertEquals(Optional.of(now.plus(delay)), DEFAULT.next(attempts, FIRST, now));
    }

    @Test
    void attemptsUntil24HoursAfterTheFirstThenFails() {
        List<Duration> attemptsAt = new ArrayList<>();
        Instant now = FIRST;
        int attempts = 0;
        Optional<Instant> next = Optional.of(FIRST);
        while (next.isPresent()) {
            now = next.get();
            attemptsAt.add(Duration.between(FIRST, now));
            attempts++;
            next = DEFAULT.next(attempts, FIRST, now);
        }
        assertEquals(List.of(Duration.ZERO, Duration.parse("PT5S"), Duration.parse("PT35S"), Duration.parse("PT2M35S"),
                Duration.parse("PT12M35S"), Duration.parse("PT1H12M35S"), Duration.parse("PT7H12M35S"),
                Duration.parse("PT13H12M35S"), Duration.parse("PT19H12M35S"), Duration.parse("PT24H")), attemptsAt,
                "the last attempt is made at 24 h, not after");
        assertTrue(DEFAULT.next(attempts, FIRST, FIRST.plus(Duration.ofHours(30))).isEmpty());
    }

    @Test
    void refusesDelaysThatWouldHammerAReceiver() {
        assertThrows(IllegalStateException.class, () -> new RetrySchedule(List.of(), Duration.ofHours(24)));
        assertThrows(IllegalStateException.class,
                () -> new RetrySchedule(List.of(Duration.ofMillis(10)), Duration.ofHours(24)));
        assertThrows(IllegalStateException.class,
                () -> new RetrySchedule(List.of(Duration.ofSeconds(5)), Duration.ZERO));
    }
}
