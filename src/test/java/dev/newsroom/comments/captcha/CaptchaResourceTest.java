package dev.newsroom.comments.captcha;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Captchas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** API.md §1, GET /captcha. */
@QuarkusTest
class CaptchaResourceTest {

    private static final String OPERAND = "(\\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            + "|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";

    @Test
    void aChallengeIsAFreshUncacheableQuestion() {
        JsonPath challenge = given().when().get("/api/v1/captcha").then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("question", matchesPattern(OPERAND + " [+\u2212\u00D7] " + OPERAND + " ="))
                .extract().jsonPath();

        Instant expiresAt = Instant.parse(challenge.getString("expiresAt"));
        Duration left = Duration.between(Instant.now(), expiresAt);
        assertTrue(left.compareTo(Duration.ofMinutes(9)) > 0 && left.compareTo(Duration.ofMinutes(11)) < 0,
                "expires in about 10 minutes: " + left);
        int answer = Captchas.solve(challenge.getString("question"));
        assertTrue(answer >= 0 && answer <= 100);
    }
}
