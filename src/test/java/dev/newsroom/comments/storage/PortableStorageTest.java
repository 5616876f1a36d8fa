package dev.newsroom.comments.storage;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What differs between H2 and PostgreSQL, pinned down so that it is a test and not a production
 * incident. The suite runs on both; PostgreSQL refuses NUL characters in text outright, compares
 * text case-sensitively, and stores timestamps to the microsecond.
 */
@QuarkusTest
class PortableStorageTest {

    private static final String NUL = "\u0000";

    @Test
    void aNulCharacterAnywhereIsAClientErrorNeverAServerError() {
        String article = Comments.freshArticle();
        refused(given().get("/api/v1/articles/{a}/comments", "a" + NUL + "b"));
        refused(given().queryParam("articleId", "a" + NUL).get("/api/v1/comment-counts"));
        refused(aComment().onArticle(article).with("website", "https://example.com/" + NUL).post());
        refused(aComment().onArticle(article).with("captchaToken", "token" + NUL).post());
        refused(asAdmin().get("/api/v1/moderation/comments/{id}", "id" + NUL));
        refused(asAdmin().queryParam("articleId", "a" + NUL).get("/api/v1/moderation/comments"));
        refused(asAdmin().queryParam("commentId", "a" + NUL).get("/api/v1/moderation/audit"));
        refused(asAdmin().post("/api/v1/moderation/comments/{id}/approve", "id" + NUL));
        // Bulk answers per id: an id that names no comment is "not-found".
        asAdmin().contentType("application/json").body(Map.of("ids", List.of("id" + NUL), "action", "approve"))
                .post("/api/v1/moderation/comments/bulk").then().statusCode(200).body("results[0].error", equalTo("not-found"));
        refused(asAdmin().contentType("application/json").body(Map.of("name", "bot" + NUL))
                .post("/api/v1/moderation/tokens"));
        refused(asAdmin().contentType("application/json")
                .body(Map.of("username", "ed" + NUL + "itor", "password", "a-long-enough-password", "role", "moderator"))
                .post("/api/v1/admin/moderators"));
        // Emails are looked up by their keyed hash: no such email was ever stored, so nothing is found.
        asAdmin().contentType("application/json").body(Map.of("email", "a" + NUL + "@example.com"))
                .post("/api/v1/admin/privacy/export").then().statusCode(200).body("comments", hasSize(0));
        refused(given().auth().preemptive().basic("ad" + NUL + "min", "whatever-password")
                .get("/api/v1/moderation/stats"));
        refused(given().header("Authorization", "Bearer cmt_" + NUL).get("/api/v1/moderation/stats"));
    }

    @Test
    void articleIdsAreCaseSensitiveOnEveryDatabase() {
        String article = Comments.freshArticle();
        String upper = article.toUpperCase();
        aComment().onArticle(article).approved();

        given().get("/api/v1/articles/{a}/comments", upper).then().statusCode(200).body("comments", hasSize(0));
        given().get("/api/v1/comment-counts?articleId=" + upper + "&articleId=" + article).then().statusCode(200)
                .body("counts." + article, equalTo(1)).body("counts." + upper, equalTo(0));
    }

    @Test
    void timestampsReadBackExactlyAsTheyWereFirstAnswered() {
        String article = Comments.freshArticle();
        var answered = aComment().onArticle(article).post().statusCode(202).extract();
        String id = answered.path("id");
        String createdAt = answered.path("createdAt");
        asAdmin().post("/api/v1/moderation/comments/{id}/approve", id).then().statusCode(200);

        given().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                .body("comments[0].createdAt", equalTo(createdAt));
        asAdmin().get("/api/v1/moderation/comments/{id}", id).then().body("createdAt", equalTo(createdAt));
    }

    private static void refused(io.restassured.response.Response response) {
        refused(response.then());
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
    }
}
