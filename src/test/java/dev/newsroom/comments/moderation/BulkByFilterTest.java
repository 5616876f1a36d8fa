package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API.md §5, "Bulk by query", on a few comments; BulkByFilterScaleTest runs it on 10,000. */
@QuarkusTest
class BulkByFilterTest {

    private static final String BULK = "/api/v1/moderation/comments/bulk-by-filter";
    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String PROBLEM = "application/problem+json";

    static ValidatableResponse bulk(Map<String, Object> filter, String action, boolean dryRun) {
        Map<String, Object> body = new HashMap<>(Map.of("filter", filter, "action", action, "dryRun", dryRun));
        return asAdmin().contentType(ContentType.JSON).body(body).post(BULK).then();
    }

    @Test
    void aDryRunCountsTheMatchesAndChangesNothing() {
        String article = Comments.freshArticle();
        String one = aComment().onArticle(article).pending();
        aComment().onArticle(article).pending();
        aComment().onArticle(article).approved();

        bulk(Map.of("status", "pending", "articleId", article), "reject", true).statusCode(200)
                .body("matched", equalTo(2)).body("applied", equalTo(0)).body("truncated", equalTo(false));
        asAdmin().get(ONE, one).then().body("status", equalTo("pending"));
    }

    @Test
    void theActionAppliesToEveryMatchEachAuditedWithTheReason() {
        String article = Comments.freshArticle();
        String linky = aComment().onArticle(article).saying("see http://a.test and www.b.test").pending();
        String held = aComment().onArticle(article).saying("please moderate-me").pending();
        String plain = aComment().onArticle(article).saying("plain").pending();

        Map<String, Object> body = new HashMap<>(Map.of("filter", Map.of("status", "pending", "articleId", article,
                "reason", "too-many-links"), "action", "spam", "reason", "ad", "note", "link farm"));
        asAdmin().contentType(ContentType.JSON).body(body).post(BULK).then().statusCode(200)
                .body("matched", equalTo(1)).body("applied", equalTo(1)).body("truncated", equalTo(false));
        asAdmin().get(ONE, linky).then().body("status", equalTo("spam")).body("decision.reason", equalTo("ad"));
        asAdmin().queryParam("commentId", linky).get("/api/v1/moderation/audit").then()
                .body("entries[0].action", equalTo("spam")).body("entries[0].reason", equalTo("ad"))
                .body("entries[0].note", equalTo("link farm"));

        // A code matches its reasons with a detail after the colon.
        bulk(Map.of("status", "pending", "articleId", article, "reason", "held-word"), "reject", false)
                .body("matched", equalTo(1)).body("applied", equalTo(1));
        asAdmin().get(ONE, held).then().body("status", equalTo("rejected"));
        bulk(Map.of("status", "pending", "articleId", article, "reason", "held"), "reject", true)
                .body("matched", equalTo(0));

        bulk(Map.of("status", "pending", "articleId", article), "delete", false).body("applied", equalTo(1));
        asAdmin().get(ONE, plain).then().statusCode(404);
    }

    @Test
    void authorAndTimeWindowNarrowTheFilter() throws InterruptedException {
        String article = Comments.freshArticle();
        String email = "bulk." + System.nanoTime() + "@example.com";
        String early = aComment().onArticle(article).withEmail(email).saying("early").pending();
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        String late = aComment().onArticle(article).withEmail(email).saying("late").pending();
        String other = aComment().onArticle(article).pending();
        String authorId = asAdmin().get(ONE, early).then().extract().path("authorId");

        bulk(Map.of("status", "pending", "authorId", authorId), "approve", true).body("matched", equalTo(2));
        bulk(Map.of("status", "pending", "authorId", authorId, "submittedBefore", between.toString()), "approve", false)
                .body("matched", equalTo(1)).body("applied", equalTo(1));
        asAdmin().get(ONE, early).then().body("status", equalTo("approved"));
        asAdmin().get(ONE, late).then().body("status", equalTo("pending"));
        bulk(Map.of("status", "pending", "articleId", article, "submittedAfter", between.toString()), "approve", true)
                .body("matched", equalTo(2));
        bulk(Map.of("status", "pending", "authorId", "0123456789abcdef0123456789abcdef"), "approve", false)
                .body("matched", equalTo(0)).body("applied", equalTo(0));
        asAdmin().get(ONE, other).then().body("status", equalTo("pending"));
    }

    @Test
    void anIncompleteOrInvalidRequestIs400AndChangesNothing() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "approve")).post(BULK).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("filter"));
        bulk(Map.of("articleId", "a-1"), "approve", true).statusCode(400).body("violations.field", hasItem("filter.status"));
        bulk(Map.of("status", "maybe"), "approve", true).statusCode(400).body("violations.field", hasItem("filter.status"));
        bulk(Map.of("status", "pending"), "publish", true).statusCode(400).body("violations.field", hasItem("action"));
        bulk(Map.of("status", "pending", "submittedAfter", "2026-01-02T00:00:00Z", "submittedBefore",
                "2026-01-01T00:00:00Z"), "approve", false).statusCode(400)
                .body("violations.field", hasItem("filter.submittedBefore"));
        bulk(Map.of("status", "pending", "submittedAfter", "yesterday"), "approve", false).statusCode(400)
                .contentType(PROBLEM);
        Map<String, Object> badReason = new HashMap<>(Map.of("filter", Map.of("status", "pending"), "action", "reject",
                "reason", "because"));
        asAdmin().contentType(ContentType.JSON).body(badReason).post(BULK).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("filter", Map.of("status", "pending"), "action", "approve"))
                .post(BULK).then().statusCode(401);
    }
}
