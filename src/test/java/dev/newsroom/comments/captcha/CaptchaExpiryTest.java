package dev.newsroom.comments.captcha;

import static dev.newsroom.comments.testing.Comments.aComment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.MutableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry, with the service's clock moved by the test (so it runs in-process only, not against the jar). */
@QuarkusTest
class CaptchaExpiryTest {

    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void useTestClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aTokenIsRefusedOnceItsTenMinutesArePast() {
        Captchas.Solved captcha = Captchas.fresh();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        aComment().answering(captcha, captcha.answerText()).post()
                .statusCode(400)
                .body("violations[0].field", equalTo("captchaAnswer"))
                .body("violations[0].message", containsString("expired"));
    }

    @Test
    void aTokenIsAcceptedUntilThen() {
        Captchas.Solved captcha = Captchas.fresh();
        clock.advance(Duration.ofMinutes(9).plusSeconds(50));

        aComment().answering(captcha, captcha.answerText()).post()
                .statusCode(202);
    }
}
