package dev.newsroom.comments.privacy;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API.md §3: the rights of commenters, through HTTP. */
@QuarkusTest
class PrivacyResourceTest {

    private static final String EXPORT = "/api/v1/admin/privacy/export";
    private static final String ERASE = "/api/v1/admin/privacy/erase";

    @Test
    void anExportListsEveryCommentStoredWithTheEmail() {
        String email = "subject." + System.nanoTime() + "@example.com";
        String approved = aComment().withEmail(email).saying("one").approved();
        String pending = aComment().withEmail(email.toUpperCase()).saying("two").pending();
        aComment().saying("someone else").pending();

        asAdmin().contentType(ContentType.JSON).body(Map.of("email", " " + email + " ")).post(EXPORT).then()
                .statusCode(200)
                .body("comments.id", containsInAnyOrder(approved, pending))
                .body("comments.email", hasItem(email));
    }

    @Test
    void anErasureLeavesNothingThatLeadsBackToTheEmail() {
        String email = "erase.me." + System.nanoTime() + "@example.com";
        String article = Comments.freshArticle();
        String approved = aComment().onArticle(article).withEmail(email).by("Real Name").saying("kept text")
                .with("website", "https://real.example").approved();
        String pending = aComment().onArticle(article).withEmail(email).saying("waiting").pending();

        asAdmin().contentType(ContentType.JSON).body(Map.of("email", email)).post(ERASE).then()
                .statusCode(200).body("erased", equalTo(2));

        asAdmin().contentType(ContentType.JSON).body(Map.of("email", email)).post(EXPORT).then()
                .statusCode(200).body("comments", empty());
        given().get("/api/v1/articles/{a}/comments", article).then()
                .body("comments.id", contains(approved))
                .body("comments[0].name", equalTo("Anonymous"))
                .body("comments[0].website", nullValue())
                .body("comments[0].body", equalTo("kept text"));
        asAdmin().get("/api/v1/moderation/comments/{id}", pending).then()
                .body("status", equalTo("rejected")).body("email", nullValue());
        asAdmin().queryParam("commentId", approved).get("/api/v1/moderation/audit").then()
                .body("entries[0].action", equalTo("erase"))
                .body(not(containsString(email)));
    }

    @Test
    void anErasureCanDeleteTheCommentsToo() {
        String email = "delete.me." + System.nanoTime() + "@example.com";
        String approved = aComment().withEmail(email).approved();

        asAdmin().contentType(ContentType.JSON).body(Map.of("email", email, "deleteComments", true)).post(ERASE).then()
                .statusCode(200).body("erased", equalTo(1));
        asAdmin().get("/api/v1/moderation/comments/{id}", approved).then().statusCode(404);
    }

    @Test
    void onlyAdministratorsAnswerPrivacyRequestsAndTheEmailIsRequired() {
        given().contentType(ContentType.JSON).body(Map.of("email", "a@example.com")).post(EXPORT).then().statusCode(401);
        asAdmin().contentType(ContentType.JSON).body(Map.of()).post(ERASE).then()
                .statusCode(400).body("violations.field", everyItem(equalTo("email")));
    }
}
