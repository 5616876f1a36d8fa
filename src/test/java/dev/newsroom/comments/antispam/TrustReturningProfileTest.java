package dev.newsroom.comments.antispam;

import static dev.newsroom.comments.testing.Comments.aComment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy trust-returning: an author with two approved comments and no spam is published at once. */
@QuarkusTest
@TestProfile(TrustReturningProfileTest.TrustReturning.class)
class TrustReturningProfileTest {

    public static class TrustReturning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("trust"));
            config.put("comments.moderation.policy", "trust-returning");
            return config;
        }
    }

    @Test
    void aReturningAuthorIsPublishedAtOnce() {
        String article = Comments.freshArticle();
        String email = "regular." + System.nanoTime() + "@example.com";
        aComment().onArticle(article).withEmail(email).saying("one").approved();
        aComment().onArticle(article).withEmail(email).saying("two").pending();
        aComment().onArticle(article).withEmail(email).saying("three, still held").post()
                .statusCode(202).body("status", equalTo("pending"));

        String published = aComment().onArticle(article).withEmail(email).saying("two approved").pending();
        Moderator.approve(published);
        Moderator.asAdmin().get("/api/v1/moderation/comments?articleId=" + article).then().statusCode(200);
        // Now 2 approved ("one" and "two approved"): the next comment is published (201).
        String id = aComment().onArticle(article).withEmail(email).saying("four").post()
                .statusCode(201).body("status", equalTo("approved")).extract().path("id");
        given().get("/api/v1/articles/{a}/comments", article).then().body("comments.id", hasItem(id));
        IntakeTest.assertReasons(id, "approved", "trusted-author");

        // Another rule still holds a trusted author's comment.
        aComment().onArticle(article).withEmail(email).saying("links http://a.test http://b.test").post()
                .statusCode(202);
    }

    @Test
    void anAuthorWithSpamIsNotTrusted() {
        String email = "spammer." + System.nanoTime() + "@example.com";
        aComment().withEmail(email).saying("a").approved();
        aComment().withEmail(email).saying("b").approved();
        aComment().withEmail(email).saying("c").with("homepage", "bot").pending();

        aComment().withEmail(email).saying("d").post().statusCode(202);
    }
}
