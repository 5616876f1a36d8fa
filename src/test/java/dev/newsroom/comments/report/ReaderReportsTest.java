package dev.newsroom.comments.report;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API.md §5, "Reader reports". Readers are told apart by their address; here a trusted proxy on
 * loopback forwards a different one for each reader, as a load balancer would.
 */
@QuarkusTest
@TestProfile(ReaderReportsTest.BehindAProxy.class)
class ReaderReportsTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("reports"));
            config.putAll(Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1"));
            return config;
        }
    }

    private static final String REPORTS = "/api/v1/comments/{id}/reports";
    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String QUEUE = "/api/v1/moderation/comments";
    private static final String READERS = "/api/v1/articles/{articleId}/comments";
    private static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger READERS_SEEN = new AtomicInteger();

    @AfterEach
    void defaultThreshold() {
        asAdmin().delete("/api/v1/admin/settings/reportsToHold").then().statusCode(200);
    }

    /** A reader with an address of their own. */
    private static String aReader() {
        int n = READERS_SEEN.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static ValidatableResponse report(String id, String reader, String reason) {
        return given().header("X-Forwarded-For", reader).contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "note", "see the second paragraph"))
                .post(REPORTS, id).then();
    }

    @Test
    void aReportIsCountedOncePerReaderAndShownToModerators() {
        String id = aComment().approved();
        String reader = aReader();
        report(id, reader, "offensive").statusCode(202).body("reported", equalTo(true));
        report(id, reader, "spam").statusCode(202).body("reported", equalTo(true)); // a repeat: counts nothing

        asAdmin().get(ONE, id).then().statusCode(200)
                .body("reports.open", equalTo(1))
                .body("reports.reasons.offensive", equalTo(1))
                .body("reports.reasons.spam", nullValue())
                .body("reports.notes", contains("see the second paragraph"))
                .body("status", equalTo("approved"));
    }

    @Test
    void theThirdReaderUnpublishesTheCommentAtOnceAndTheAuditNamesTheSystem() {
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).approved();
        given().get(READERS, article).then().body("total", equalTo(1)); // the page is in memory now
        report(id, aReader(), "offensive").statusCode(202);
        report(id, aReader(), "misinformation").statusCode(202);
        given().get(READERS, article).then().body("total", equalTo(1));

        report(id, aReader(), "offensive").statusCode(202);

        given().get(READERS, article).then().body("total", equalTo(0)).body("comments", empty());
        given().queryParam("articleId", article).get("/api/v1/comment-counts").then()
                .body("counts." + article, equalTo(0));
        asAdmin().get(ONE, id).then().body("status", equalTo("pending")).body("reasons", hasItem("reported"))
                .body("reports.open", equalTo(3)).body("reports.reasons.offensive", equalTo(2));
        asAdmin().queryParam("commentId", id).get("/api/v1/moderation/audit").then()
                .body("entries[0].action", equalTo("auto-hold")).body("entries[0].moderator", equalTo("system"))
                .body("entries[0].from", equalTo("approved")).body("entries[0].to", equalTo("pending"));
        // No longer published: more reports are refused like for any unpublished comment.
        report(id, aReader(), "offensive").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theThresholdIsASiteSettingAndZeroNeverHolds() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 0)).put("/api/v1/admin/settings")
                .then().statusCode(200);
        String id = aComment().approved();
        for (int i = 0; i < 5; i++) {
            report(id, aReader(), "spam").statusCode(202);
        }
        asAdmin().get(ONE, id).then().body("status", equalTo("approved")).body("reports.open", equalTo(5));

        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 1)).put("/api/v1/admin/settings")
                .then().statusCode(200);
        String other = aComment().approved();
        report(other, aReader(), "spam").statusCode(202);
        asAdmin().get(ONE, other).then().body("status", equalTo("pending"));
    }

    @Test
    void manyReadersAtOnceAreEachCountedOnceAndTheCommentIsHeldOnce() throws Exception {
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 10)).put("/api/v1/admin/settings")
                .then().statusCode(200);
        String id = aComment().approved();
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            readers.add(aReader());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String reader : readers) {
                for (int twice = 0; twice < 2; twice++) { // each reader sends theirs twice, at the same time
                    answers.add(pool.submit(() -> given().header("X-Forwarded-For", reader)
                            .contentType(ContentType.JSON).body(Map.of("reason", "offensive"))
                            .post(REPORTS, id).statusCode()));
                }
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 202 || status == 404, "202, or 404 once the comment was held: " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        asAdmin().get(ONE, id).then().body("status", equalTo("pending")).body("reports.open", equalTo(10));
        asAdmin().queryParam("commentId", id).get("/api/v1/moderation/audit").then()
                .body("entries.findAll { it.action == 'auto-hold' }.size()", equalTo(1));
    }

    @Test
    void anyDecisionClosesTheReportsAndCountingStartsAgain() {
        String id = aComment().approved();
        report(id, aReader(), "offensive").statusCode(202);
        report(id, aReader(), "offensive").statusCode(202);
        // Keeping it published is a decision too: the approve repeats, and the two reports close.
        asAdmin().post(ONE + "/approve", id).then().statusCode(200).body("reports.open", equalTo(0));
        asAdmin().queryParam("commentId", id).get("/api/v1/moderation/audit").then()
                .body("entries[0].action", equalTo("approve")).body("entries[0].from", equalTo("approved"));

        report(id, aReader(), "offensive").statusCode(202);
        report(id, aReader(), "offensive").statusCode(202);
        asAdmin().get(ONE, id).then().body("status", equalTo("approved")).body("reports.open", equalTo(2));
        report(id, aReader(), "offensive").statusCode(202);
        asAdmin().get(ONE, id).then().body("status", equalTo("pending"));

        asAdmin().post(ONE + "/approve", id).then().statusCode(200).body("status", equalTo("approved"))
                .body("reports.open", equalTo(0));
        asAdmin().queryParam("reported", "true").get(QUEUE).then().body("comments.id", not(hasItem(id)));
    }

    @Test
    void onlyPublishedCommentsCanBeReportedWithAKnownReason() {
        String pending = aComment().pending();
        report(pending, aReader(), "offensive").statusCode(404).contentType(PROBLEM);
        report("01a22543-274f-7fda-8000-000000000000", aReader(), "offensive").statusCode(404);
        report("not-an-id", aReader(), "offensive").statusCode(404);

        String id = aComment().approved();
        report(id, aReader(), "boring").statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "other", "note", "x".repeat(501)))
                .post(REPORTS, id).then().statusCode(400).body("violations.field", hasItem("note"));
        given().contentType(ContentType.JSON).body("{}").post(REPORTS, id).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("").post(REPORTS, id).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.URLENC).formParam("reason", "spam").post(REPORTS, id).then().statusCode(415);
        asAdmin().get(ONE, id).then().body("reports.open", equalTo(0));
    }

    @Test
    void theReportedQueueIsMostReportedFirstOfAnyStatusAndStatusNarrowsIt() throws InterruptedException {
        String article = Comments.freshArticle();
        String once = aComment().onArticle(article).approved();
        String thrice = aComment().onArticle(article).approved();
        String twice = aComment().onArticle(article).approved();
        report(once, aReader(), "spam");
        for (int i = 0; i < 3; i++) {
            report(thrice, aReader(), "spam").statusCode(202);
        }
        report(twice, aReader(), "spam");
        report(twice, aReader(), "spam");

        afterTheSnapshotMargin();
        asAdmin().queryParam("reported", "true").queryParam("articleId", article).get(QUEUE).then().statusCode(200)
                .body("comments.id", contains(thrice, twice, once))
                .body("comments.reports.open", contains(3, 2, 1));
        asAdmin().queryParam("reported", "true").queryParam("articleId", article).queryParam("status", "pending")
                .get(QUEUE).then().statusCode(200).body("comments.id", contains(thrice))
                .body("comments[0].reports.open", equalTo(3));
        asAdmin().queryParam("reported", "maybe").get(QUEUE).then().statusCode(400)
                .body("violations.field", hasItem("reported"));
    }

    @Test
    void pagingTheReportedQueueNeitherSkipsNorRepeatsWhileReportsArrive() throws Exception {
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 0)).put("/api/v1/admin/settings")
                .then().statusCode(200);
        String article = Comments.freshArticle();
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = aComment().onArticle(article).approved();
            comments.add(id);
            for (int r = 0; r <= i % 3; r++) {
                report(id, aReader(), "offensive").statusCode(202);
            }
        }
        afterTheSnapshotMargin();

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            do {
                var page = asAdmin().queryParam("reported", "true").queryParam("articleId", article)
                        .queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                        .get(QUEUE).then().statusCode(200).extract().jsonPath();
                order.addAll(page.getList("comments.id"));
                cursor = page.getString("nextCursor");
                pages++;
                // Between pages, readers pile reports on the comments still to come, and on the seen ones.
                List<Future<?>> sent = new ArrayList<>();
                for (String id : comments) {
                    sent.add(readers.submit(() -> report(id, aReader(), "spam").statusCode(202)));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } while (cursor != null && pages < 10);
        } finally {
            readers.shutdownNow();
        }
        seen.addAll(order);
        assertEquals(6, order.size(), "every reported comment once: " + order);
        assertEquals(new HashSet<>(comments), seen);
        assertTrue(pages <= 4);
    }

    /** A page counts the reports filed up to a second before it: wait that second out. */
    private static void afterTheSnapshotMargin() throws InterruptedException {
        Thread.sleep(1_100);
    }
}
