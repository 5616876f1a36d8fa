package dev.newsroom.comments.console;

import static org.hamcrest.Matchers.containsString;

import dev.newsroom.comments.testing.Moderator;
import dev.newsroom.comments.testing.MutableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Idle expiry with the service's clock moved by the test (comments.console.idle-timeout: 30 minutes). */
@QuarkusTest
class ConsoleSessionExpiryTest {

    private static final String STATS = "/api/v1/moderation/stats";

    @Test
    void aSessionInUseStaysAndAnIdleOneEnds() {
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        var session = ConsoleSignIns.signIn(Moderator.USERNAME, Moderator.PASSWORD);

        clock.advance(Duration.ofMinutes(29));
        session.withCookie().when().get(STATS).then().statusCode(200);
        clock.advance(Duration.ofMinutes(29));
        session.withCookie().when().get(STATS).then().statusCode(200);

        clock.advance(Duration.ofMinutes(30));
        session.withCookie().when().get(STATS).then().statusCode(401);
        session.withCookie().when().get("/console/").then().statusCode(200)
                .body(containsString("Your session has ended"));
    }

    @Test
    void whatTheConsoleAsksOnItsOwnDoesNotKeepASessionAlive() {
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        var session = ConsoleSignIns.signIn(Moderator.USERNAME, Moderator.PASSWORD);

        clock.advance(Duration.ofMinutes(20));
        session.withCookie().header("X-Console-Background", "1").when().get(STATS).then().statusCode(200);
        clock.advance(Duration.ofMinutes(11));
        session.withCookie().when().get(STATS).then().statusCode(401);
    }
}
