package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Moderators deciding about the same comment at the same time, with real parallel requests:
 * every decision applies in some order, and the audit trail tells exactly that order.
 */
@QuarkusTest
class ConcurrentDecisionsTest {

    private static final int MODERATORS = 8;
    private static final int DECISIONS_EACH = 10;
    private static final String[] ACTIONS = { "approve", "reject", "spam" };

    @Test
    void parallelDecisionsAllApplyAndTheAuditChainStaysConsistent() throws Exception {
        String id = aComment().pending();
        ExecutorService pool = Executors.newFixedThreadPool(MODERATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> moderators = new ArrayList<>();
        try {
            for (int m = 0; m < MODERATORS; m++) {
                moderators.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int d = 0; d < DECISIONS_EACH; d++) {
                        String action = ACTIONS[ThreadLocalRandom.current().nextInt(ACTIONS.length)];
                        statuses.add(asAdmin().post("/api/v1/moderation/comments/{id}/" + action, id).statusCode());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> moderator : moderators) {
                assertEquals(Collections.nCopies(DECISIONS_EACH, 200), moderator.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Map<String, String>> trail = oldestFirst(id);
        assertTrue(!trail.isEmpty() && trail.size() <= MODERATORS * DECISIONS_EACH, "entries: " + trail.size());
        assertEquals("pending", trail.get(0).get("from"));
        for (int i = 1; i < trail.size(); i++) {
            assertEquals(trail.get(i - 1).get("to"), trail.get(i).get("from"), "entry " + i + " continues the chain");
            assertTrue(!trail.get(i).get("from").equals(trail.get(i).get("to")), "only changes are recorded");
        }
        String finalStatus = asAdmin().get("/api/v1/moderation/comments/{id}", id).then().extract().path("status");
        assertEquals(trail.get(trail.size() - 1).get("to"), finalStatus);
        System.out.printf("ConcurrentDecisionsTest: %d requests, final status %s, audit chain of %d entries%n",
                MODERATORS * DECISIONS_EACH, finalStatus, trail.size());
    }

    @Test
    void concurrentDecisionsWithOneIfMatchLetExactlyOneWin() throws Exception {
        String id = aComment().pending();
        String etag = asAdmin().get("/api/v1/moderation/comments/{id}", id).then().extract().header("ETag");
        assertNotNull(etag);
        ExecutorService pool = Executors.newFixedThreadPool(MODERATORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> attempts = new ArrayList<>();
        try {
            for (int m = 0; m < MODERATORS; m++) {
                String action = m % 2 == 0 ? "approve" : "reject";
                attempts.add(pool.submit(() -> {
                    start.await();
                    return asAdmin().header("If-Match", etag)
                            .post("/api/v1/moderation/comments/{id}/" + action, id).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> attempt : attempts) {
                statuses.add(attempt.get());
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 412), statuses.toString());
            assertEquals(1, oldestFirst(id).size(), "one change, whoever else repeated the same decision");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Map<String, String>> oldestFirst(String commentId) {
        List<Map<String, String>> entries = new ArrayList<>();
        String cursor = null;
        do {
            var request = asAdmin().queryParam("commentId", commentId).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/moderation/audit").then().statusCode(200).extract().jsonPath();
            entries.addAll(page.getList("entries"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        Collections.reverse(entries);
        return entries;
    }
}
