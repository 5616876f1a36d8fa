package dev.newsroom.comments.report;

import static dev.newsroom.comments.testing.Comments.aComment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports are rate-limited per client like posts (API.md §5), before anything is read or stored. */
@QuarkusTest
@TestProfile(ReportRateLimitTest.Limited.class)
class ReportRateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("report-limits"));
            config.putAll(Map.of("comments.rate-limit.enabled", "true",
                    "comments.rate-limit.reports-per-minute", "4"));
            return config;
        }
    }

    @Test
    void theFifthReportOfAMinuteFromOneClientIs429() {
        String id = aComment().approved();
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/v1/comments/{id}/reports", id)
                    .then().statusCode(202);
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/v1/comments/{id}/reports", id)
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
    }
}
