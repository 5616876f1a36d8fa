package dev.newsroom.comments.antispam;

import static dev.newsroom.comments.testing.Comments.aComment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production defaults the test profile switches off: rate limits, the flood interval and too-fast. */
@QuarkusTest
@TestProfile(StrictIntakeProfileTest.Strict.class)
class StrictIntakeProfileTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("strict"));
            config.putAll(Map.of("comments.rate-limit.enabled", "true",
                    "comments.antispam.flood-interval", "PT15S",
                    "comments.antispam.min-submit-time", "PT3S"));
            return config;
        }
    }

    @Test
    void oneClientIsSlowedDownByTheFloodIntervalAndTheRateLimits() {
        // Posted at once after its captcha: held as too-fast, and answered like any held comment.
        String first = aComment().onArticle(Comments.freshArticle()).pending();
        IntakeTest.assertReasons(first, "pending", "too-fast");

        // Same address, another author, within 15 s: the flood interval answers 429.
        aComment().onArticle(Comments.freshArticle()).post()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());

        // Five submissions a minute per address, whatever X-Forwarded-For claims: the sixth is refused.
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i).contentType("application/json").body("{}")
                    .post("/api/v1/articles/a-1/comments").then().statusCode(400);
        }
        given().header("X-Forwarded-For", "203.0.113.9").contentType("application/json").body("{}")
                .post("/api/v1/articles/a-1/comments").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());

        // 30 captchas a minute per address (2 were used above; the bucket refills one every 2 s).
        int issued = 2;
        while (given().get("/api/v1/captcha").statusCode() == 200) {
            issued++;
            assertTrue(issued <= 35, "the captcha limit never answered 429");
        }
        assertTrue(issued >= 30, "refused after " + issued);
        given().get("/api/v1/captcha").then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }
}
