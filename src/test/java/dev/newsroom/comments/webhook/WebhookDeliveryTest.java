package dev.newsroom.comments.webhook;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static dev.newsroom.comments.webhook.Webhooks.awaitDelivery;
import static dev.newsroom.comments.webhook.Webhooks.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md §6, webhooks delivered: a receiver on loopback (so this profile allows http and private
 * addresses) that checks every signature with the secret it got at the webhook's creation.
 * Retries come after 300 ms here instead of 5 s, 30 s…; the schedule itself is WebhookRetryScheduleTest's.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.Receiving.class)
class WebhookDeliveryTest {

    public static class Receiving implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("webhooks"));
            config.putAll(Map.of("comments.webhooks.allow-http", "true",
                    "comments.webhooks.allow-private-networks", "true",
                    "comments.webhooks.retry-delays", "PT0.3S"));
            return config;
        }
    }

    private static final Duration SOON = Duration.ofSeconds(10);
    static WebhookReceiver receiver;

    @BeforeAll
    static void startTheReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @AfterEach
    void deleteTheWebhooks() {
        Webhooks.deleteAll();
    }

    /** A path of its own on the receiver, which trusts the webhook's secret there. */
    static Webhooks.Registered receiving(String path, String... events) {
        Webhooks.Registered webhook = register(receiver.url(path), events);
        receiver.trust(path, webhook.secret());
        return webhook;
    }

    static String aPath() {
        return "/hooks/" + UUID.randomUUID();
    }

    @Test
    void aCommentReachesTheReceiverSignedWithItsEventIdAsWebhookId() throws Exception {
        String path = aPath();
        receiving(path, "comment.submitted");
        String commentId = aComment().onArticle(Comments.freshArticle()).withEmail("hook.secret@example.com").pending();

        WebhookReceiver.Received request = receiver.await(path, 1, SOON).getFirst();

        assertEquals(1, request.verifiedWith().size(), "signed with the webhook's secret: " + request.signatureHeader());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        assertTrue(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond()) < 60);
        JsonPath body = JsonPath.from(request.bodyText());
        assertEquals(request.id(), body.getString("id"), "webhook-id is the event id");
        assertEquals("comment.submitted", body.getString("type"));
        assertEquals(commentId, body.getString("commentId"));
        assertFalse(request.bodyText().contains("hook.secret@example.com"), "no email");
        // The body is the event as GET /moderation/events shows it.
        Map<String, Object> logged = asAdmin().queryParam("after", Long.parseLong(request.id()) - 1)
                .queryParam("limit", 1).get("/api/v1/moderation/events").then().statusCode(200).extract().jsonPath()
                .getMap("events[0]");
        assertEquals(logged, body.getMap("$"));
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameIdUntilItAnswers2xx() throws Exception {
        String path = aPath();
        receiver.answer(path, 500, 503);
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        aComment().onArticle(Comments.freshArticle()).pending();

        List<WebhookReceiver.Received> attempts = receiver.await(path, 3, SOON);

        String eventId = attempts.getFirst().id();
        assertTrue(attempts.stream().allMatch(attempt -> eventId.equals(attempt.id())), "one webhook-id for all");
        assertTrue(attempts.stream().allMatch(attempt -> attempt.verifiedWith().size() == 1), "each signed");
        Map<String, Object> delivery = awaitDelivery(webhook.id(), eventId, d -> "delivered".equals(d.get("status")),
                SOON);
        assertEquals(3, delivery.get("attempts"));
        assertEquals(200, delivery.get("lastStatusCode"));
        assertNull(delivery.get("lastError"));
        assertNull(delivery.get("nextAttemptAt"));
        assertNotNull(delivery.get("deliveredAt"));
        assertEquals("comment.submitted", delivery.get("type"));
        Thread.sleep(1_000);
        assertEquals(3, receiver.at(path).size(), "delivered: not sent again");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("comments_webhooks_delivered_total"), "delivered counter");
        assertTrue(metrics.contains("comments_webhooks_failed_attempts_total"), "failed attempts counter");
        assertTrue(metrics.contains("comments_webhooks_pending"), "backlog gauge");
    }

    @Test
    void aSlowEndpointDelaysNoOtherWebhook() throws Exception {
        String slow = aPath();
        String fast = aPath();
        receiver.hold(slow);
        Webhooks.Registered slowHook = receiving(slow, "comment.submitted");
        receiving(fast, "comment.submitted");
        try {
            String article = Comments.freshArticle();
            for (int i = 0; i < 4; i++) {
                aComment().onArticle(article).saying("Comment number " + i).pending();
            }

            receiver.await(fast, 4, Duration.ofSeconds(4));
            assertTrue(receiver.at(fast).stream().allMatch(request -> request.verifiedWith().size() == 1));
            // The held ones time out after 5 s: a failed attempt, retried.
            String held = receiver.await(slow, 1, SOON).getFirst().id();
            Map<String, Object> delivery = awaitDelivery(slowHook.id(), held,
                    d -> ((Integer) d.get("attempts")) >= 1, SOON);
            assertEquals("pending", delivery.get("status"));
            assertEquals("no answer within 5 s", delivery.get("lastError"));
            assertNull(delivery.get("lastStatusCode"));
            assertNotNull(delivery.get("nextAttemptAt"));
            receiver.await(slow, 3, SOON);
            assertEquals(2, mostAtOnce(receiver.at(slow)), "two attempts at once to one webhook, no more");
        } finally {
            receiver.release(slow);
        }
    }

    /**
     * The most held requests open at once. The receiver cannot see the service stop waiting for one
     * (5 s after sending it, when the next may come at once), so each counts as open for 4.5 s after
     * it arrived: requests that close together were surely open together.
     */
    private static int mostAtOnce(List<WebhookReceiver.Received> held) {
        int most = 0;
        for (WebhookReceiver.Received request : held) {
            Instant from = request.at().minus(Duration.ofMillis(4_500));
            most = Math.max(most, (int) held.stream()
                    .filter(other -> other.at().isAfter(from) && !other.at().isAfter(request.at())).count());
        }
        return most;
    }

    @Test
    void afterARotationBothSecretsSignFor24Hours() throws Exception {
        String path = aPath();
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        JsonPath rotated = asAdmin().post(Webhooks.ONE + "/rotate-secret", webhook.id()).then().statusCode(200)
                .body("id", equalTo(webhook.id())).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertNotEquals(webhook.secret(), newSecret);
        Instant until = Instant.parse(rotated.getString("previousSecretUntil"));
        assertTrue(Math.abs(Duration.between(Instant.now().plus(Duration.ofHours(24)), until).toSeconds()) < 60, until.toString());
        receiver.trust(path, newSecret);

        aComment().onArticle(Comments.freshArticle()).pending();
        WebhookReceiver.Received request = receiver.await(path, 1, SOON).getFirst();

        assertEquals(2, request.signatures().size(), request.signatureHeader());
        assertEquals(List.of(webhook.secret(), newSecret), request.verifiedWith(), "each secret verifies one of them");
        asAdmin().get(Webhooks.ONE, webhook.id()).then().statusCode(200).body("previousSecretUntil", equalTo(until.toString()));
    }

    @Test
    void aTestEventGoesToItsWebhookOnly() throws Exception {
        String tested = aPath();
        String other = aPath();
        Webhooks.Registered webhook = receiving(tested, "article.closed");
        receiving(other, "*");

        String eventId = asAdmin().post(Webhooks.ONE + "/test", webhook.id()).then().statusCode(202)
                .extract().path("eventId");

        WebhookReceiver.Received request = receiver.await(tested, 1, SOON).getFirst();
        assertEquals(eventId, request.id());
        assertEquals(1, request.verifiedWith().size());
        JsonPath body = JsonPath.from(request.bodyText());
        assertEquals("webhook.test", body.getString("type"));
        assertEquals(webhook.id(), body.getString("data.webhookId"));
        assertEquals("admin", body.getString("actor"));
        awaitDelivery(webhook.id(), eventId, d -> "delivered".equals(d.get("status")), SOON);
        Thread.sleep(1_000);
        assertTrue(receiver.at(other).isEmpty(), "the other webhook, though it wants every event, got none");
        asAdmin().post(Webhooks.ONE + "/test", UUID.randomUUID().toString()).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Webhook not found"));
    }

    @Test
    void theDeliveryLogListsNewestFirstInPages() throws Exception {
        String path = aPath();
        Webhooks.Registered webhook = receiving(path, "article.closed", "article.opened");
        String article = Comments.freshArticle();
        asAdmin().post("/api/v1/moderation/articles/{a}/close", article).then().statusCode(200);
        asAdmin().post("/api/v1/moderation/articles/{a}/open", article).then().statusCode(200);
        asAdmin().post("/api/v1/moderation/articles/{a}/close", article).then().statusCode(200);
        List<WebhookReceiver.Received> received = receiver.await(path, 3, SOON);
        awaitDelivery(webhook.id(), received.getLast().id(), d -> "delivered".equals(d.get("status")), SOON);
        List<String> ids = received.stream().map(WebhookReceiver.Received::id).sorted(
                (a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a))).toList();

        JsonPath first = asAdmin().queryParam("limit", 2).get(Webhooks.DELIVERIES, webhook.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(ids.subList(0, 2), first.getList("deliveries.eventId"));
        assertEquals(List.of("article.closed", "article.opened"), first.getList("deliveries.type"));
        Map<String, Object> entry = first.getMap("deliveries[0]");
        assertEquals(List.of("eventId", "type", "status", "attempts", "lastStatusCode", "lastError", "nextAttemptAt",
                "deliveredAt"), List.copyOf(entry.keySet()));
        JsonPath second = asAdmin().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get(Webhooks.DELIVERIES, webhook.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(ids.subList(2, 3), second.getList("deliveries.eventId"));
        assertNull(second.get("nextCursor"));

        asAdmin().queryParam("limit", 0).get(Webhooks.DELIVERIES, webhook.id()).then().statusCode(400)
                .body("violations.field", hasItem("limit"));
        asAdmin().queryParam("cursor", "nonsense").get(Webhooks.DELIVERIES, webhook.id()).then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
        asAdmin().get(Webhooks.DELIVERIES, UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void deletingAWebhookStopsItsDeliveries() throws Exception {
        String path = aPath();
        for (int i = 0; i < 50; i++) {
            receiver.answer(path, 500);
        }
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        aComment().onArticle(Comments.freshArticle()).pending();
        receiver.await(path, 2, SOON);

        asAdmin().delete(Webhooks.ONE, webhook.id()).then().statusCode(204);
        int attempted = receiver.at(path).size();
        Thread.sleep(1_500); // five retry delays
        assertTrue(receiver.at(path).size() <= attempted + 1, "at most the attempt that was in flight");
        aComment().onArticle(Comments.freshArticle()).pending();
        Thread.sleep(1_000);
        assertTrue(receiver.at(path).size() <= attempted + 1, "nor new events");
        asAdmin().get(Webhooks.ONE, webhook.id()).then().statusCode(404);
        asAdmin().get(Webhooks.DELIVERIES, webhook.id()).then().statusCode(404);
    }

    @Test
    void noAnswerButCreationAndRotationShowsTheSecret() {
        Webhooks.Registered webhook = receiving(aPath(), "comment.submitted");
        String key = webhook.secret().substring("whsec_".length());

        String list = asAdmin().get(Webhooks.WEBHOOKS).then().statusCode(200).extract().asString();
        String one = asAdmin().get(Webhooks.ONE, webhook.id()).then().statusCode(200).extract().asString();
        String deliveries = asAdmin().get(Webhooks.DELIVERIES, webhook.id()).then().statusCode(200).extract().asString();
        for (String answer : List.of(list, one, deliveries)) {
            assertFalse(answer.contains(key), answer);
            assertFalse(answer.contains("whsec_"), answer);
            assertFalse(answer.contains("\"secret\""), answer);
        }
    }
}
