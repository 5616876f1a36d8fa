package dev.newsroom.comments.antispam;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intake rules through HTTP, as the test profile configures them (held word moderate-me, blocked viagra). */
@QuarkusTest
class IntakeTest {

    private static final String PATH = "/api/v1/articles/{articleId}/comments";

    @Test
    void twoLinksHoldAComment() {
        String id = aComment().saying("see http://a.test and www.b.test").pending();
        assertReasons(id, "pending", "too-many-links");
    }

    @Test
    void aHeldWordHoldsAndABlockedWordFilesAsSpamButBothAnswerLikePending() {
        String held = aComment().saying("Please MODERATE-ME").pending();
        assertReasons(held, "pending", "held-word:moderate-me");

        String blocked = aComment().by("\uFF36\uFF29\uFF21\uFF27\uFF32\uFF21 fan").post()
                .statusCode(202).body("status", equalTo("pending")).extract().path("id");
        assertReasons(blocked, "spam", "blocked-word:viagra");
    }

    @Test
    void theSameTextByTheSameEmailOnTheSameArticleIsADuplicate() {
        String article = Comments.freshArticle();
        String email = "repeat." + System.nanoTime() + "@example.com";
        aComment().onArticle(article).withEmail(email).saying("Great  article!").pending();

        aComment().onArticle(article).withEmail(email.toUpperCase()).saying(" great article! ").post()
                .statusCode(409).contentType("application/problem+json");
        aComment().onArticle(Comments.freshArticle()).withEmail(email).saying("Great article!").post().statusCode(202);
        aComment().onArticle(article).saying("Great article!").post().statusCode(202);
    }

    @Test
    void anIdenticalRetryGetsTheOriginalAnswerAndStoresNothing() {
        String article = Comments.freshArticle();
        Map<String, Object> body = aComment().onArticle(article).solvedBody();
        JsonPath first = given().contentType(ContentType.JSON).body(body).post(PATH, article).then()
                .statusCode(202).extract().jsonPath();

        JsonPath retry = given().contentType(ContentType.JSON).body(body).post(PATH, article).then()
                .statusCode(202).extract().jsonPath();

        assertEquals(first.getString("id"), retry.getString("id"));
        asAdmin().queryParam("articleId", article).get("/api/v1/moderation/comments").then()
                .body("comments", hasSize(1));
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put("body", "Something else with the same token");
        given().contentType(ContentType.JSON).body(changed).post(PATH, article).then()
                .statusCode(400).body("violations[0].field", equalTo("captchaAnswer"));
    }

    @Test
    void aRetryOfAWrongAnswerIsStillRefused() {
        Captchas.Solved captcha = Captchas.fresh();
        Comments comment = aComment().answering(captcha, captcha.wrongAnswer());
        comment.post().statusCode(400);
        comment.post().statusCode(400);
    }

    static void assertReasons(String id, String status, String... reasons) {
        asAdmin().get("/api/v1/moderation/comments/{id}", id).then()
                .body("status", equalTo(status))
                .body("reasons", contains(reasons));
    }
}
