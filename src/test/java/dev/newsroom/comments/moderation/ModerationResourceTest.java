package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API.md §2: the moderation queue and decisions, through HTTP. */
@QuarkusTest
class ModerationResourceTest {

    private static final String QUEUE = "/api/v1/moderation/comments";
    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void withoutValidCredentialsTheAnswerIs401WithAChallenge() {
        given().when().get(QUEUE).then()
                .statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Basic realm=\"comments\", charset=\"UTF-8\""));
        given().auth().preemptive().basic("admin", "wrong-password").when().get(QUEUE).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", notNullValue());
        given().auth().preemptive().basic("nobody", "whatever").when().post(ONE + "/approve", "x").then()
                .statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theQueueShowsPendingCommentsOfAnArticleOldestFirstWithTheirEmail() {
        String article = Comments.freshArticle();
        Comments first = aComment().onArticle(article).saying("first");
        String firstId = first.pending();
        String secondId = aComment().onArticle(article).saying("second").pending();

        asAdmin().queryParam("articleId", article).when().get(QUEUE).then()
                .statusCode(200)
                .body("comments.id", contains(firstId, secondId))
                .body("comments[0].email", equalTo(first.email()))
                .body("comments[0].status", equalTo("pending"))
                .body("comments[0].articleId", equalTo(article))
                .body("comments[0].reasons", empty())
                .body("comments[0].decidedBy", nullValue())
                .body("comments[0].updatedAt", notNullValue())
                .body("comments[0].bodyHtml", equalTo("<p>first</p>"))
                .body("nextCursor", nullValue());
    }

    @Test
    void theQueueIsPagedWithCursors() {
        String article = Comments.freshArticle();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(aComment().onArticle(article).saying("comment " + i).pending());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("articleId", article).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(QUEUE).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("comments.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(posted, seen);
        assertEquals(3, pages);
    }

    @Test
    void theQueueFiltersByStatus() {
        String article = Comments.freshArticle();
        String approved = aComment().onArticle(article).approved();
        aComment().onArticle(article).pending();

        asAdmin().queryParam("articleId", article).queryParam("status", "approved").when().get(QUEUE).then()
                .statusCode(200).body("comments.id", contains(approved));
        asAdmin().queryParam("articleId", article).queryParam("status", "spam").when().get(QUEUE).then()
                .statusCode(200).body("comments", empty());
    }

    @Test
    void badQueueParametersAreNamed() {
        asAdmin().queryParam("status", "deleted").when().get(QUEUE).then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
        for (String limit : new String[] { "0", "201", "-1", "ten", "1e2" }) {
            asAdmin().queryParam("limit", limit).when().get(QUEUE).then()
                    .statusCode(400).body("violations[0].field", equalTo("limit"));
        }
        asAdmin().queryParam("cursor", "not-a-cursor").when().get(QUEUE).then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
        asAdmin().queryParam("articleId", "../../etc/passwd").when().get(QUEUE).then()
                .statusCode(400).body("violations[0].field", equalTo("articleId"));
    }

    @Test
    void oneCommentComesWithAnEtagAndUnknownOnesAre404() {
        String id = aComment().pending();
        asAdmin().when().get(ONE, id).then().statusCode(200).header("ETag", notNullValue()).body("id", equalTo(id));
        asAdmin().when().get(ONE, "no-such-comment").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void approvingPublishesAndRepeatingItChangesNothing() {
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).pending();

        String etag = asAdmin().when().post(ONE + "/approve", id).then()
                .statusCode(200)
                .body("status", equalTo("approved"))
                .body("decidedBy", equalTo("admin"))
                .extract().header("ETag");
        asAdmin().when().post(ONE + "/approve", id).then().statusCode(200).header("ETag", equalTo(etag));

        given().when().get("/api/v1/articles/{article}/comments", article).then()
                .statusCode(200).body("comments.id", contains(id));
    }

    @Test
    void rejectingOrMarkingSpamUnpublishes() {
        String article = Comments.freshArticle();
        String rejected = aComment().onArticle(article).approved();
        String spam = aComment().onArticle(article).approved();

        asAdmin().when().post(ONE + "/reject", rejected).then().statusCode(200).body("status", equalTo("rejected"));
        asAdmin().when().post(ONE + "/spam", spam).then().statusCode(200).body("status", equalTo("spam"));

        given().when().get("/api/v1/articles/{article}/comments", article).then()
                .statusCode(200).body("comments", empty()).body("total", equalTo(0));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = aComment().pending();
        String before = asAdmin().when().get(ONE, id).then().extract().header("ETag");
        String after = asAdmin().header("If-Match", before).when().post(ONE + "/reject", id).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(before, after);

        asAdmin().header("If-Match", before).when().post(ONE + "/approve", id).then()
                .statusCode(412).contentType(PROBLEM);
        asAdmin().when().get(ONE, id).then().body("status", equalTo("rejected")).header("ETag", equalTo(after));
    }

    @Test
    void aRetriedDecisionWithItsOriginalIfMatchIsHarmless() {
        String id = aComment().pending();
        String before = asAdmin().when().get(ONE, id).then().extract().header("ETag");
        String after = asAdmin().header("If-Match", before).when().post(ONE + "/approve", id).then()
                .statusCode(200).extract().header("ETag");

        asAdmin().header("If-Match", before).when().post(ONE + "/approve", id).then()
                .statusCode(200).header("ETag", equalTo(after)).body("status", equalTo("approved"));
    }

    @Test
    void decisionsOnUnknownCommentsAre404() {
        asAdmin().when().post(ONE + "/approve", "no-such-comment").then().statusCode(404).contentType(PROBLEM);
        asAdmin().when().delete(ONE, "no-such-comment").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deletingRemovesTheCommentButNotItsReplies() {
        String article = Comments.freshArticle();
        String parent = aComment().onArticle(article).approved();
        String reply = aComment().onArticle(article).replyingTo(parent).pending();

        asAdmin().when().delete(ONE, parent).then().statusCode(204);

        asAdmin().when().get(ONE, parent).then().statusCode(404);
        asAdmin().when().get(ONE, reply).then().statusCode(200).body("parentId", nullValue());
    }

    @Test
    void statsCountEveryStatus() {
        JsonPath before = asAdmin().when().get("/api/v1/moderation/stats").then().statusCode(200).extract().jsonPath();
        String toReject = aComment().pending();
        aComment().pending();
        asAdmin().when().post(ONE + "/reject", toReject).then().statusCode(200);
        aComment().with("homepage", "bot was here").pending();

        JsonPath after = asAdmin().when().get("/api/v1/moderation/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getLong("pending") + 1, after.getLong("pending"));
        assertEquals(before.getLong("rejected") + 1, after.getLong("rejected"));
        assertEquals(before.getLong("spam") + 1, after.getLong("spam"));
        assertEquals(before.getLong("approved"), after.getLong("approved"));
    }

    @Test
    void theQueueNeverReturnsMoreThanTheLimit() {
        asAdmin().queryParam("limit", 1).when().get(QUEUE).then().statusCode(200).body("comments", hasSize(1));
    }
}
