package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** API.md §5, "Featured comments": editors' picks among the published comments. */
@QuarkusTest
class FeaturedCommentsTest {

    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String READERS = "/api/v1/articles/{articleId}/comments";
    private static final String AUDIT = "/api/v1/moderation/audit";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aFeaturedCommentIsMarkedForReadersAndListedAmongThePicksAtOnce() {
        String article = Comments.freshArticle();
        String plain = aComment().onArticle(article).saying("plain").approved();
        String pick = aComment().onArticle(article).saying("the pick").approved();
        // Readers' pages are in memory now: featuring must show anyway.
        given().get(READERS, article).then().body("comments.featured", contains(false, false));
        given().queryParam("featured", "true").get(READERS, article).then().body("total", equalTo(0));

        asAdmin().post(ONE + "/feature", pick).then().statusCode(200).body("featured", equalTo(true));

        given().get(READERS, article).then().statusCode(200)
                .body("comments.id", contains(plain, pick))
                .body("comments.featured", contains(false, true));
        given().queryParam("featured", "true").get(READERS, article).then().statusCode(200)
                .body("comments.id", contains(pick)).body("total", equalTo(1));
        asAdmin().queryParam("commentId", pick).get(AUDIT).then().body("entries[0].action", equalTo("feature"));
    }

    @Test
    void unfeaturingAndRepeatingAreHarmlessAndAudited() {
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).approved();
        asAdmin().post(ONE + "/feature", id).then().statusCode(200);
        asAdmin().post(ONE + "/feature", id).then().statusCode(200).body("featured", equalTo(true)); // no change
        asAdmin().post(ONE + "/unfeature", id).then().statusCode(200).body("featured", equalTo(false));
        asAdmin().post(ONE + "/unfeature", id).then().statusCode(200);

        asAdmin().queryParam("commentId", id).get(AUDIT).then()
                .body("entries.action", contains("unfeature", "feature", "approve"));
        given().queryParam("featured", "true").get(READERS, article).then().body("total", equalTo(0));
    }

    @Test
    void onlyAPublishedCommentCanBeFeaturedAndOneThatLeavesStopsBeingFeatured() {
        String article = Comments.freshArticle();
        String pending = aComment().onArticle(article).pending();
        asAdmin().post(ONE + "/feature", pending).then().statusCode(409).contentType(PROBLEM);
        asAdmin().post(ONE + "/unfeature", pending).then().statusCode(200).body("featured", equalTo(false));
        asAdmin().get(ONE, pending).then().body("featured", equalTo(false));
        asAdmin().post(ONE + "/feature", "01a22543-274f-7fda-8000-000000000000").then().statusCode(404);

        String id = aComment().onArticle(article).approved();
        asAdmin().post(ONE + "/feature", id).then().statusCode(200);
        asAdmin().post(ONE + "/reject", id).then().statusCode(200).body("featured", equalTo(false));
        asAdmin().post(ONE + "/approve", id).then().statusCode(200).body("featured", equalTo(false));
        given().queryParam("featured", "true").get(READERS, article).then().body("total", equalTo(0));
    }

    @Test
    void featuredTakesTrueOrFalseOnly() {
        String article = Comments.freshArticle();
        given().queryParam("featured", "yes").get(READERS, article).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("featured"));
        given().queryParam("featured", "false").get(READERS, article).then().statusCode(200);
    }
}
