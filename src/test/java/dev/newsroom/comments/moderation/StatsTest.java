package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.testing.Comments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md §2 {@code GET /moderation/stats}: the counts are kept as comments change (no count over
 * the comment table), so every way a comment is stored, moved or removed must move them exactly
 * as the table moves. Compared as differences: other tests share this database.
 */
@QuarkusTest
class StatsTest {

    private static final String ONE = "/api/v1/moderation/comments/{id}";

    @Inject
    EntityManager entityManager;

    @Inject
    CommentRepository comments;

    @Test
    void statsFollowEveryWayACommentIsStoredMovedOrRemoved() {
        Map<CommentStatus, Long> statsBefore = stats();
        Map<CommentStatus, Long> tableBefore = countedInTable();

        String held = aComment().pending();
        aComment().with("homepage", "bot was here").pending(); // spam on arrival
        String published = aComment().approved();
        asAdmin().post(ONE + "/reject", held).then().statusCode(200);
        asAdmin().post(ONE + "/reject", held).then().statusCode(200); // repeated: no change
        asAdmin().post(ONE + "/spam", published).then().statusCode(200);
        asAdmin().post(ONE + "/approve", held).then().statusCode(200);
        asAdmin().delete(ONE, aComment().pending()).then().statusCode(204);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("action", "delete", "ids", List.of(aComment().pending(), aComment().approved())))
                .post("/api/v1/moderation/comments/bulk").then().statusCode(200);
        Comments erasedAuthor = aComment();
        erasedAuthor.pending(); // erasure rejects what is still pending
        asAdmin().contentType(ContentType.JSON).body(Map.of("email", erasedAuthor.email()))
                .post("/api/v1/admin/privacy/erase").then().statusCode(200);
        Comments deletedAuthor = aComment();
        deletedAuthor.approved();
        asAdmin().contentType(ContentType.JSON).body(Map.of("email", deletedAuthor.email(), "deleteComments", true))
                .post("/api/v1/admin/privacy/erase").then().statusCode(200);
        assertSameChanges(statsBefore, tableBefore);

        // Retention (privacy.RetentionJobs) deletes spam and rejected comments older than a cutoff.
        QuarkusTransaction.requiringNew().run(() -> comments.deleteRejectedAndSpamBefore(Instant.now().plusSeconds(1)));
        assertSameChanges(statsBefore, tableBefore);
    }

    @Inject
    BlindIndex index;

    /** The same for one author's counts (API.md §5: kept tallies, not a count at read time). */
    @Test
    void anAuthorsCountsFollowEveryWayTheirCommentsAreStoredMovedOrRemoved() {
        String email = "tally." + System.nanoTime() + "@example.com";
        String article = Comments.freshArticle();
        String held = aComment().onArticle(article).withEmail(email).saying("one").pending();
        aComment().onArticle(article).withEmail(email).saying("two").with("homepage", "bot").pending(); // spam
        String published = aComment().onArticle(article).withEmail(email).saying("three").approved();
        String authorId = asAdmin().get(ONE, held).then().extract().path("authorId");
        asAdmin().post(ONE + "/reject", held).then().statusCode(200);
        asAdmin().post(ONE + "/approve", held).then().statusCode(200);
        asAdmin().delete(ONE, aComment().onArticle(article).withEmail(email).saying("four").pending()).then()
                .statusCode(204);
        asAdmin().contentType(ContentType.JSON).body(Map.of("action", "spam",
                "ids", List.of(aComment().onArticle(article).withEmail(email).saying("five").pending())))
                .post("/api/v1/moderation/comments/bulk").then().statusCode(200);
        aComment().onArticle(article).withEmail(email).saying("six").pending();
        aComment().onArticle(article).withEmail(email).saying("seven").pending();
        asAdmin().contentType(ContentType.JSON).body(Map.of("filter", Map.of("status", "pending", "authorId", authorId),
                "action", "reject")).post("/api/v1/moderation/comments/bulk-by-filter").then().statusCode(200)
                .body("applied", equalTo(2));
        asAdmin().contentType(ContentType.JSON).body(Map.of("filter", Map.of("status", "rejected", "authorId", authorId),
                "action", "delete")).post("/api/v1/moderation/comments/bulk-by-filter").then().statusCode(200);
        // Readers' reports take it back to the queue.
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 1)).put("/api/v1/admin/settings")
                .then().statusCode(200);
        try {
            given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post("/api/v1/comments/{id}/reports",
                    published).then().statusCode(202);
        } finally {
            asAdmin().delete("/api/v1/admin/settings/reportsToHold").then().statusCode(200);
        }
        assertAuthorCountsMatchTheTable(authorId, email);

        QuarkusTransaction.requiringNew().run(() -> comments.deleteRejectedAndSpamBefore(Instant.now().plusSeconds(1)));
        assertAuthorCountsMatchTheTable(authorId, email);
    }

    private void assertAuthorCountsMatchTheTable(String authorId, String email) {
        var counts = asAdmin().get("/api/v1/moderation/authors/{authorId}", authorId).then().statusCode(200)
                .extract().jsonPath();
        String emailIndex = index.email(email);
        for (CommentStatus status : CommentStatus.values()) {
            long inTable = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                    "select count(c) from Comment c where c.status = :status and c.emailIndex = :email", Long.class)
                    .setParameter("status", status).setParameter("email", emailIndex).getSingleResult());
            assertEquals(inTable, counts.getLong("counts." + status.wireName()), status.wireName());
        }
    }

    private void assertSameChanges(Map<CommentStatus, Long> statsBefore, Map<CommentStatus, Long> tableBefore) {
        Map<CommentStatus, Long> stats = stats();
        Map<CommentStatus, Long> table = countedInTable();
        for (CommentStatus status : CommentStatus.values()) {
            assertEquals(table.get(status) - tableBefore.get(status), stats.get(status) - statsBefore.get(status),
                    status + ": stats " + statsBefore + " → " + stats + ", table " + tableBefore + " → " + table);
        }
    }

    private static Map<CommentStatus, Long> stats() {
        var json = asAdmin().get("/api/v1/moderation/stats").then().statusCode(200).extract().jsonPath();
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, json.getLong(status.wireName()));
        }
        return counts;
    }

    private Map<CommentStatus, Long> countedInTable() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createQuery("select count(c) from Comment c where c.status = :status", Long.class)
                    .setParameter("status", status).getSingleResult()));
        }
        return counts;
    }
}
