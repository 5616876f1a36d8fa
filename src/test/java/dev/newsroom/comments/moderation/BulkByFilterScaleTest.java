package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.comment.Authors;
import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.EmailVault;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Bulk by query at its cap, and while moderators decide the same comments one by one. The comments
 * are stored through the repository (as intake would store them, tallies included) rather than
 * posted, which would take minutes; a database of its own keeps them from other tests' queues.
 */
@QuarkusTest
@TestProfile(BulkByFilterScaleTest.OwnDatabase.class)
class BulkByFilterScaleTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.isolated("bulk-scale");
        }
    }

    @Inject
    CommentRepository comments;

    @Inject
    Authors authors;

    @Inject
    BlindIndex index;

    @Inject
    EmailVault vault;

    @Inject
    EntityManager entityManager;

    /** Stores {@code count} pending comments on one article, by one author, a millisecond apart. */
    private List<String> storePending(String article, String email, int count) {
        String emailIndex = index.email(email);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);
        QuarkusTransaction.requiringNew().run(() -> authors.recordFor(emailIndex, start));
        List<String> ids = new ArrayList<>(count);
        for (int from = 0; from < count; from += 1_000) {
            int first = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = first; i < Math.min(first + 1_000, count); i++) {
                    Comment comment = Comment.submitted(Comment.newId(start.plusMillis(i)), article, null, "Reader " + i, email,
                            null, "Comment " + i,
                            CommentStatus.PENDING, List.of(), start.plusMillis(i), emailIndex, null, vault);
                    comments.persist(comment);
                    ids.add(comment.id());
                }
            });
        }
        return ids;
    }

    @Test
    void tenThousandAreAppliedPerCallAndTheRestOnTheNext() {
        String article = Comments.freshArticle();
        List<String> ids = storePending(article, "many@example.com", 10_001);
        Map<String, Object> filter = Map.of("status", "pending", "articleId", article);

        BulkByFilterTest.bulk(filter, "approve", true).statusCode(200)
                .body("matched", equalTo(10_001)).body("applied", equalTo(0)).body("truncated", equalTo(true));
        BulkByFilterTest.bulk(filter, "approve", false).statusCode(200)
                .body("matched", equalTo(10_001)).body("applied", equalTo(10_000)).body("truncated", equalTo(true));
        // The oldest went first: the newest is what is left.
        asAdmin().get("/api/v1/moderation/comments/{id}", ids.getLast()).then().body("status", equalTo("pending"));
        BulkByFilterTest.bulk(filter, "approve", false).statusCode(200)
                .body("matched", equalTo(1)).body("applied", equalTo(1)).body("truncated", equalTo(false));

        asAdmin().get("/api/v1/articles/{articleId}/comments", article).then().body("total", equalTo(10_001));
        String authorId = asAdmin().get("/api/v1/moderation/comments/{id}", ids.getFirst()).then().extract().path("authorId");
        asAdmin().get("/api/v1/moderation/authors/{authorId}", authorId).then()
                .body("counts.approved", equalTo(10_001)).body("counts.pending", equalTo(0));
        long audited = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(a) from AuditEntry a where a.articleId = :article and a.action = 'approve'", Long.class)
                .setParameter("article", article).getSingleResult());
        assertEquals(10_001, audited, "one audit entry per comment");
    }

    @Test
    void aBulkRunAndSingleDecisionsOnTheSameCommentsLeaveEveryCommentAsItsAuditSays() throws Exception {
        String article = Comments.freshArticle();
        List<String> ids = storePending(article, "contested@example.com", 600);
        ExecutorService moderators = Executors.newFixedThreadPool(3);
        try {
            Future<JsonPath> run = moderators.submit(() -> BulkByFilterTest.bulk(
                    Map.of("status", "pending", "articleId", article), "approve", false)
                    .statusCode(200).extract().jsonPath());
            List<Future<Integer>> singles = new ArrayList<>();
            Random random = new Random(17);
            for (int i = 0; i < 120; i++) {
                String id = ids.get(random.nextInt(ids.size()));
                singles.add(moderators.submit(() -> asAdmin().post("/api/v1/moderation/comments/{id}/reject", id)
                        .statusCode()));
            }
            for (Future<Integer> single : singles) {
                assertEquals(200, single.get());
            }
            JsonPath result = run.get();
            // The single rejects started first may have taken some before the run counted its matches.
            assertTrue(result.getInt("matched") > 600 - 120 && result.getInt("matched") <= 600, result.prettify());
            assertTrue(result.getInt("applied") <= result.getInt("matched"), result.prettify());
        } finally {
            moderators.shutdownNow();
        }

        QuarkusTransaction.requiringNew().run(() -> {
            for (String id : ids) {
                Comment comment = entityManager.find(Comment.class, id);
                List<Object[]> trail = entityManager.createQuery("select a.from, a.to from AuditEntry a"
                        + " where a.commentId = :id order by a.id", Object[].class).setParameter("id", id).getResultList();
                assertTrue(!trail.isEmpty(), id + " was decided");
                String state = "pending";
                for (Object[] entry : trail) {
                    assertEquals(state, entry[0], "each entry starts where the previous one ended: " + id);
                    state = (String) entry[1];
                }
                assertEquals(comment.status().wireName(), state, "the comment is where its audit trail ends");
                assertTrue(comment.status() == CommentStatus.APPROVED || comment.status() == CommentStatus.REJECTED);
            }
        });
    }
}
