package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API.md §5, "Reasons on decisions": an optional reason and note with approve, reject, spam and bulk. */
@QuarkusTest
class DecisionReasonsTest {

    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String AUDIT = "/api/v1/moderation/audit";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aReasonAndNoteGoIntoTheItemsDecisionAndTheAuditEntry() {
        String id = aComment().onArticle(Comments.freshArticle()).pending();

        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "harassment", "note", "Targets another reader"))
                .when().post(ONE + "/reject", id).then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("decision.reason", equalTo("harassment"))
                .body("decision.note", equalTo("Targets another reader"))
                .body("decision.by", equalTo("admin"))
                .body("decision.at", notNullValue());
        asAdmin().get(ONE, id).then().body("decision.reason", equalTo("harassment"));
        asAdmin().queryParam("commentId", id).get(AUDIT).then()
                .body("entries[0].action", equalTo("reject"))
                .body("entries[0].reason", equalTo("harassment"))
                .body("entries[0].note", equalTo("Targets another reader"));
    }

    @Test
    void theBodyIsOptionalAndAnUndecidedCommentHasNoDecision() {
        String id = aComment().onArticle(Comments.freshArticle()).pending();
        asAdmin().get(ONE, id).then().body("$", hasKey("decision")).body("decision", nullValue());

        asAdmin().when().post(ONE + "/approve", id).then()
                .statusCode(200)
                .body("decision.by", equalTo("admin"))
                .body("decision.reason", nullValue())
                .body("decision.note", nullValue());
        asAdmin().queryParam("commentId", id).get(AUDIT).then()
                .body("entries[0].action", equalTo("approve"))
                .body("entries[0].reason", nullValue())
                .body("entries[0].note", nullValue());
    }

    @Test
    void anUnknownReasonOrALongNoteIs400AndChangesNothing() {
        String id = aComment().onArticle(Comments.freshArticle()).pending();

        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "ugly"))
                .when().post(ONE + "/spam", id).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("reason"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "spam", "note", "x".repeat(1001)))
                .when().post(ONE + "/spam", id).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("note"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "spam", "note", "nul \u0000 here"))
                .when().post(ONE + "/spam", id).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("note"));

        asAdmin().get(ONE, id).then().body("status", equalTo("pending")).body("decision", nullValue());
        asAdmin().queryParam("commentId", id).get(AUDIT).then().body("entries", empty());
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "spam", "note", "x".repeat(1000)))
                .when().post(ONE + "/spam", id).then().statusCode(200).body("decision.reason", equalTo("spam"));
    }

    @Test
    void aBodyMustBeJsonButAnEmptyOneIsNoReasonWhateverItsType() {
        String id = aComment().onArticle(Comments.freshArticle()).pending();
        asAdmin().contentType(ContentType.TEXT).body("offensive").when().post(ONE + "/reject", id).then()
                .statusCode(415).contentType(PROBLEM);
        asAdmin().contentType(ContentType.JSON).body("{\"reason\": ").when().post(ONE + "/reject", id).then()
                .statusCode(400).contentType(PROBLEM);
        asAdmin().get(ONE, id).then().body("status", equalTo("pending"));
        asAdmin().contentType(ContentType.JSON).when().post(ONE + "/reject", id).then()
                .statusCode(200).body("decision.reason", nullValue());
        asAdmin().contentType(ContentType.JSON).body(Map.of("note", "Two lines\nand a\ttab"))
                .when().post(ONE + "/approve", id).then().statusCode(200)
                .body("decision.note", equalTo("Two lines\nand a\ttab"));
    }

    @Test
    void repeatingADecisionInForceKeepsItsFirstReason() {
        String id = aComment().onArticle(Comments.freshArticle()).pending();
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "ad"))
                .when().post(ONE + "/spam", id).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "other", "note", "again"))
                .when().post(ONE + "/spam", id).then().statusCode(200)
                .body("decision.reason", equalTo("ad")).body("decision.note", nullValue());
        asAdmin().queryParam("commentId", id).get(AUDIT).then().body("entries.reason", contains("ad"));
    }

    @Test
    void bulkCarriesTheReasonToEveryCommentsAuditEntry() {
        String article = Comments.freshArticle();
        String first = aComment().onArticle(article).pending();
        String second = aComment().onArticle(article).pending();

        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("action", "reject", "ids", List.of(first, second), "reason", "off-topic", "note", "Thread derailed"))
                .when().post("/api/v1/moderation/comments/bulk").then().statusCode(200)
                .body("results.status", contains("rejected", "rejected"));
        for (String id : List.of(first, second)) {
            asAdmin().queryParam("commentId", id).get(AUDIT).then()
                    .body("entries[0].reason", equalTo("off-topic")).body("entries[0].note", equalTo("Thread derailed"));
            asAdmin().get(ONE, id).then().body("decision.reason", equalTo("off-topic"));
        }
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("action", "approve", "ids", List.of(first), "reason", "nonsense"))
                .when().post("/api/v1/moderation/comments/bulk").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
    }
}
