package dev.newsroom.comments.author;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API.md §5, "Authors": the author id, the kept history, and the standing that intake applies. */
@QuarkusTest
class AuthorsTest {

    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String AUTHOR = "/api/v1/moderation/authors/{authorId}";
    private static final String READERS = "/api/v1/articles/{articleId}/comments";
    private static final String PROBLEM = "application/problem+json";

    @AfterEach
    void defaultPolicy() {
        asAdmin().delete("/api/v1/admin/settings/moderationPolicy").then().statusCode(200);
    }

    private static String authorOf(String commentId) {
        return asAdmin().get(ONE, commentId).then().statusCode(200).extract().path("authorId");
    }

    private static void setStanding(String authorId, Map<String, Object> change) {
        asAdmin().contentType(ContentType.JSON).body(change).put(AUTHOR + "/standing", authorId).then().statusCode(200);
    }

    private static String uniqueEmail() {
        return "author." + System.nanoTime() + "@example.com";
    }

    @Test
    void oneEmailIsOneOpaqueAuthorThatReadersNeverSee() {
        String email = uniqueEmail();
        String article = Comments.freshArticle();
        String first = aComment().onArticle(article).withEmail(email).approved();
        String second = aComment().onArticle(article).withEmail("  " + email.toUpperCase() + " ").saying("again").pending();
        String someoneElse = aComment().onArticle(article).pending();

        String authorId = authorOf(first);
        assertEquals(authorId, authorOf(second));
        assertNotEquals(authorId, authorOf(someoneElse));
        asAdmin().get(ONE, first).then().body("authorId", matchesPattern("[0-9a-f]{32}"))
                .body("author.approved", equalTo(1)).body("author.pending", equalTo(1))
                .body("author.standing", equalTo("normal"));

        String page = given().get(READERS, article).then().statusCode(200).extract().asString();
        assertFalse(page.contains(authorId), "a reader's page shows no author id");
        assertFalse(page.contains("\"author"), "a reader's page has no author field");
    }

    @Test
    void theHistoryCountsEveryCommentAsItMovesAndListsThemNewestFirst() {
        String email = uniqueEmail();
        String a = aComment().withEmail(email).saying("one").approved();
        String b = aComment().withEmail(email).saying("two").pending();
        String c = aComment().withEmail(email).saying("three").pending();
        asAdmin().post(ONE + "/spam", c).then().statusCode(200);
        String authorId = authorOf(a);

        asAdmin().get(AUTHOR, authorId).then().statusCode(200)
                .body("authorId", equalTo(authorId)).body("standing", equalTo("normal"))
                .body("until", nullValue()).body("note", nullValue())
                .body("counts.approved", equalTo(1)).body("counts.pending", equalTo(1))
                .body("counts.rejected", equalTo(0)).body("counts.spam", equalTo(1))
                .body("firstSeen", notNullValue()).body("lastSeen", notNullValue());

        asAdmin().queryParam("limit", 2).get(AUTHOR + "/comments", authorId).then().statusCode(200)
                .body("comments.id", contains(c, b)).body("nextCursor", notNullValue());
        String cursor = asAdmin().queryParam("limit", 2).get(AUTHOR + "/comments", authorId).then().extract()
                .path("nextCursor");
        asAdmin().queryParam("limit", 2).queryParam("cursor", cursor).get(AUTHOR + "/comments", authorId).then()
                .body("comments.id", contains(a)).body("nextCursor", nullValue());

        asAdmin().delete(ONE, b).then().statusCode(204);
        asAdmin().get(AUTHOR, authorId).then().body("counts.pending", equalTo(0));
    }

    @Test
    void unknownAuthorsAre404AndCredentialsAreNeeded() {
        asAdmin().get(AUTHOR, "0123456789abcdef0123456789abcdef").then().statusCode(404).contentType(PROBLEM);
        asAdmin().get(AUTHOR, "ana@example.com").then().statusCode(404).contentType(PROBLEM);
        asAdmin().get(AUTHOR + "/comments", "0123456789abcdef0123456789abcdef").then().statusCode(404);
        asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "banned"))
                .put(AUTHOR + "/standing", "0123456789abcdef0123456789abcdef").then().statusCode(404);
        given().get(AUTHOR, "0123456789abcdef0123456789abcdef").then().statusCode(401);
    }

    @Test
    void aBannedAuthorsCommentsAreSpamButAnsweredLikePending() {
        String email = uniqueEmail();
        String authorId = authorOf(aComment().withEmail(email).pending());
        setStanding(authorId, Map.of("standing", "banned", "note", "troll"));

        String id = aComment().withEmail(email).saying("more abuse").post().statusCode(202)
                .body("status", equalTo("pending")).extract().path("id");
        asAdmin().get(ONE, id).then().body("status", equalTo("spam")).body("reasons", hasItem("banned-author"))
                .body("author.standing", equalTo("banned"));
        asAdmin().get(AUTHOR, authorId).then().body("standing", equalTo("banned")).body("note", equalTo("troll"));
        asAdmin().queryParam("limit", 5).get("/api/v1/moderation/audit").then()
                .body("entries.find { it.action == 'standing' }.authorId", equalTo(authorId))
                .body("entries.find { it.action == 'standing' }.from", equalTo("normal"))
                .body("entries.find { it.action == 'standing' }.to", equalTo("banned"));
    }

    @Test
    void aTrustedAuthorIsPublishedAtOnceUnlessASpamRuleFiresWhateverThePolicy() {
        String email = uniqueEmail();
        String authorId = authorOf(aComment().withEmail(email).pending());
        setStanding(authorId, Map.of("standing", "trusted"));

        // hold-all is the policy, and two links would hold anyone else's comment.
        String published = aComment().withEmail(email).saying("see http://a.test and www.b.test").post()
                .statusCode(201).extract().path("id");
        asAdmin().get(ONE, published).then().body("status", equalTo("approved"))
                .body("reasons", contains("trusted-author"));
        String spam = aComment().withEmail(email).saying("cheap viagra").post().statusCode(202).extract().path("id");
        asAdmin().get(ONE, spam).then().body("status", equalTo("spam")).body("reasons", hasItem("blocked-word:viagra"));
    }

    @Test
    void aPremoderatedAuthorIsHeldEvenWhenThePolicyWouldTrustThem() {
        String email = uniqueEmail();
        aComment().withEmail(email).saying("first").approved();
        String authorId = authorOf(aComment().withEmail(email).saying("second").approved());
        asAdmin().contentType(ContentType.JSON).body(Map.of("moderationPolicy", "trust-returning"))
                .put("/api/v1/admin/settings").then().statusCode(200);
        aComment().withEmail(email).saying("trusted by the policy").post().statusCode(201);

        setStanding(authorId, Map.of("standing", "premoderated"));
        String held = aComment().withEmail(email).saying("now held").post().statusCode(202).extract().path("id");
        asAdmin().get(ONE, held).then().body("status", equalTo("pending"))
                .body("reasons", contains("premoderated-author"));
    }

    @Test
    void aStandingEndsAtItsUntil() throws InterruptedException {
        String email = uniqueEmail();
        String authorId = authorOf(aComment().withEmail(email).pending());
        setStanding(authorId, Map.of("standing", "banned", "until", Instant.now().plusMillis(1_500).toString()));
        asAdmin().get(AUTHOR, authorId).then().body("standing", equalTo("banned")).body("until", notNullValue());
        Thread.sleep(2_000);
        asAdmin().get(AUTHOR, authorId).then().body("standing", equalTo("normal")).body("until", nullValue());
        String id = aComment().withEmail(email).saying("back").pending();
        asAdmin().get(ONE, id).then().body("status", equalTo("pending")).body("reasons", not(hasItem("banned-author")));
    }

    @Test
    void invalidStandingsAre400AndChangeNothing() {
        String authorId = authorOf(aComment().pending());
        Map<String, Object> past = new HashMap<>(Map.of("standing", "banned", "until", "2020-01-01T00:00:00Z"));
        asAdmin().contentType(ContentType.JSON).body(past).put(AUTHOR + "/standing", authorId).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("until"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "normal", "until", Instant.now().plusSeconds(60).toString()))
                .put(AUTHOR + "/standing", authorId).then().statusCode(400).body("violations.field", hasItem("until"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "exiled")).put(AUTHOR + "/standing", authorId)
                .then().statusCode(400).body("violations.field", hasItem("standing"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "banned", "note", "x".repeat(1001)))
                .put(AUTHOR + "/standing", authorId).then().statusCode(400).body("violations.field", hasItem("note"));
        asAdmin().contentType(ContentType.JSON).body("{}").put(AUTHOR + "/standing", authorId).then().statusCode(400);
        asAdmin().get(AUTHOR, authorId).then().body("standing", equalTo("normal"));
    }

    @Test
    void aBanCanRejectTheAuthorsPendingCommentsEachAudited() {
        String email = uniqueEmail();
        String one = aComment().withEmail(email).saying("one").pending();
        String two = aComment().withEmail(email).saying("two").pending();
        String published = aComment().withEmail(email).saying("three").approved();
        String authorId = authorOf(one);

        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("standing", "banned", "note", "spree", "rejectPending", true))
                .put(AUTHOR + "/standing", authorId).then().statusCode(200)
                .body("standing", equalTo("banned")).body("counts.pending", equalTo(0))
                .body("counts.rejected", equalTo(2)).body("counts.approved", equalTo(1));
        for (String id : new String[] { one, two }) {
            asAdmin().get(ONE, id).then().body("status", equalTo("rejected")).body("decision.note", equalTo("spree"));
            asAdmin().queryParam("commentId", id).get("/api/v1/moderation/audit").then()
                    .body("entries[0].action", equalTo("reject"));
        }
        asAdmin().get(ONE, published).then().body("status", equalTo("approved"));
        asAdmin().get(AUTHOR + "/comments", authorId).then().body("comments.status",
                containsInAnyOrder("approved", "rejected", "rejected"));
    }

    @Test
    void erasingTheEmailDropsTheStandingAndTheHistory() {
        String email = uniqueEmail();
        String id = aComment().withEmail(email).pending();
        String authorId = authorOf(id);
        setStanding(authorId, Map.of("standing", "banned"));

        asAdmin().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/admin/privacy/erase")
                .then().statusCode(200);

        asAdmin().get(AUTHOR, authorId).then().statusCode(404);
        asAdmin().get(ONE, id).then().body("authorId", nullValue()).body("author", nullValue());
        // The same email comes back as a new author, without the ban.
        String again = aComment().withEmail(email).saying("hello again").pending();
        asAdmin().get(ONE, again).then().body("status", equalTo("pending")).body("author.standing", equalTo("normal"))
                .body("author.pending", equalTo(1)).body("reasons", everyItem(not(equalTo("banned-author"))));
    }
}
