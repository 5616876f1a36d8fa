package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** API.md §2: the audit trail, bulk decisions and closing articles. */
@QuarkusTest
class AuditAndBulkTest {

    private static final String AUDIT = "/api/v1/moderation/audit";
    private static final String BULK = "/api/v1/moderation/comments/bulk";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void everyChangeIsAuditedNewestFirst() {
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).pending();
        asAdmin().post("/api/v1/moderation/comments/{id}/approve", id).then().statusCode(200);
        asAdmin().post("/api/v1/moderation/comments/{id}/approve", id).then().statusCode(200); // no change
        asAdmin().post("/api/v1/moderation/comments/{id}/spam", id).then().statusCode(200);
        asAdmin().delete("/api/v1/moderation/comments/{id}", id).then().statusCode(204);

        asAdmin().queryParam("commentId", id).when().get(AUDIT).then()
                .statusCode(200)
                .body("entries.action", contains("delete", "spam", "approve"))
                .body("entries.from", contains("spam", "approved", "pending"))
                .body("entries.to", contains(null, "spam", "approved"))
                .body("entries[0].moderator", equalTo("admin"))
                .body("entries[0].commentId", equalTo(id))
                .body("entries[0].articleId", equalTo(article))
                .body("entries[0].at", notNullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void theTrailIsPagedWithCursors() {
        String id = aComment().pending();
        for (String action : new String[] { "approve", "reject", "spam", "approve", "reject" }) {
            asAdmin().post("/api/v1/moderation/comments/{id}/" + action, id).then().statusCode(200);
        }
        List<String> actions = new ArrayList<>();
        String cursor = null;
        do {
            var request = asAdmin().queryParam("commentId", id).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get(AUDIT).then().statusCode(200).extract().jsonPath();
            actions.addAll(page.getList("entries.action"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("reject", "approve", "spam", "reject", "approve"), actions);
        asAdmin().queryParam("cursor", "garbage").when().get(AUDIT).then().statusCode(400);
    }

    @Test
    void theTrailCannotBeChangedThroughTheApi() {
        asAdmin().delete(AUDIT).then().statusCode(405).contentType(PROBLEM);
        asAdmin().contentType(ContentType.JSON).body("{}").post(AUDIT).then().statusCode(405);
    }

    @Test
    void bulkAppliesOneActionToEachIdAndReportsUnknownOnes() {
        String article = Comments.freshArticle();
        String first = aComment().onArticle(article).pending();
        String second = aComment().onArticle(article).pending();

        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("action", "approve", "ids", List.of(first, "no-such-comment", second)))
                .when().post(BULK).then()
                .statusCode(200)
                .body("results.id", contains(first, "no-such-comment", second))
                .body("results.status", contains("approved", null, "approved"))
                .body("results.error", contains(null, "not-found", null));

        given().when().get("/api/v1/articles/{a}/comments", article).then().body("total", equalTo(2));
        asAdmin().queryParam("commentId", first).get(AUDIT).then().body("entries", hasSize(1));

        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "delete", "ids", List.of(first)))
                .when().post(BULK).then().statusCode(200)
                .body("results[0].status", nullValue()).body("results[0].error", nullValue());
        asAdmin().get("/api/v1/moderation/comments/{id}", first).then().statusCode(404);
    }

    @Test
    void bulkTakesAKnownActionAndOneToFiveHundredIds() {
        List<String> tooMany = IntStream.range(0, 501).mapToObj(i -> "id-" + i).toList();
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "approve", "ids", tooMany))
                .post(BULK).then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("ids"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "approve", "ids", List.of()))
                .post(BULK).then().statusCode(400).body("violations.field", hasItem("ids"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "publish", "ids", List.of("x")))
                .post(BULK).then().statusCode(400).body("violations.field", hasItem("action"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "approve", "ids", List.of("")))
                .post(BULK).then().statusCode(400).body("violations.field", hasItem("ids"));
        List<String> fiveHundred = IntStream.range(0, 500).mapToObj(i -> "unknown-" + i).toList();
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "reject", "ids", fiveHundred))
                .post(BULK).then().statusCode(200).body("results", hasSize(500));
    }

    @Test
    void aClosedArticleRefusesNewCommentsAndKeepsPublishedOnes() {
        String article = Comments.freshArticle();
        String published = aComment().onArticle(article).approved();

        asAdmin().post("/api/v1/moderation/articles/{a}/close", article).then()
                .statusCode(200).body("articleId", equalTo(article)).body("closed", equalTo(true));
        asAdmin().post("/api/v1/moderation/articles/{a}/close", article).then().statusCode(200);

        aComment().onArticle(article).post().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/v1/articles/{a}/comments", article).then().body("comments.id", contains(published));

        asAdmin().post("/api/v1/moderation/articles/{a}/open", article).then()
                .statusCode(200).body("closed", equalTo(false));
        aComment().onArticle(article).post().statusCode(202);

        asAdmin().queryParam("limit", 200).get(AUDIT).then()
                .body("entries.findAll { it.articleId == '" + article + "' && it.commentId == null }.action",
                        contains("open", "close"));
    }

    @Test
    void aClosedArticleRefusesBeforeTheCaptchaIsSpent() {
        String article = Comments.freshArticle();
        asAdmin().post("/api/v1/moderation/articles/{a}/close", article).then().statusCode(200);
        var captcha = dev.newsroom.comments.testing.Captchas.fresh();
        aComment().onArticle(article).answering(captcha, captcha.answerText()).post().statusCode(403);
        aComment().answering(captcha, captcha.answerText()).post().statusCode(202);
    }
}
