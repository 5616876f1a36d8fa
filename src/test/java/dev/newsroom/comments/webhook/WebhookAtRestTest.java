package dev.newsroom.comments.webhook;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static dev.newsroom.comments.webhook.Webhooks.awaitDelivery;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.storage.ActiveDataSource;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.DatabaseDump;
import dev.newsroom.comments.testing.MutableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only the process itself can see (so no IT): secrets are stored only sealed and never logged;
 * and, with the service's clock moved by the test instead of waiting a day, a delivery still failing
 * 24 hours after its first attempt is failed, and a rotated secret stops signing after 24 hours.
 */
@QuarkusTest
@TestProfile(WebhookDeliveryTest.Receiving.class)
class WebhookAtRestTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    static WebhookReceiver receiver;

    @Inject
    @ActiveDataSource
    DataSource dataSource;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            log.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

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
        Logger.getLogger("").removeHandler(capture);
        Webhooks.deleteAll();
    }

    private static String aPath() {
        return WebhookDeliveryTest.aPath();
    }

    private static Webhooks.Registered receiving(String path, String... events) {
        Webhooks.Registered webhook = Webhooks.register(receiver.url(path), events);
        receiver.trust(path, webhook.secret());
        return webhook;
    }

    @Test
    void secretsAreStoredOnlySealedAndNeverLogged() throws Exception {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        String path = aPath();
        receiver.answer(path, 500);
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        String rotated = asAdmin().post(Webhooks.ONE + "/rotate-secret", webhook.id()).then().statusCode(200)
                .extract().path("secret");
        receiver.trust(path, rotated);
        aComment().onArticle(Comments.freshArticle()).pending();
        String eventId = receiver.await(path, 2, SOON).getFirst().id();
        awaitDelivery(webhook.id(), eventId, d -> "delivered".equals(d.get("status")), SOON);

        String dump = DatabaseDump.of(dataSource);
        assertTrue(dump.contains(webhook.id()), "the dump holds the webhook");
        for (String secret : List.of(webhook.secret(), rotated)) {
            String key = secret.substring("whsec_".length());
            assertFalse(dump.contains(key), "stored only sealed");
            assertFalse(dump.contains(key.substring(0, 16)), "not even in part");
            assertTrue(log.stream().noneMatch(line -> line.contains(key.substring(0, 16))), "never logged");
        }
        assertFalse(dump.contains("whsec_"));
        assertTrue(log.stream().noneMatch(line -> line.contains("whsec_")), String.join("\n", log));
    }

    @Test
    void aDeliveryStillFailing24HoursAfterItsFirstAttemptIsFailed() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        String path = aPath();
        for (int i = 0; i < 10; i++) {
            receiver.answer(path, 500);
        }
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        aComment().onArticle(Comments.freshArticle()).pending();
        String eventId = receiver.await(path, 1, SOON).getFirst().id();
        Map<String, Object> first = awaitDelivery(webhook.id(), eventId, d -> (Integer) d.get("attempts") == 1, SOON);
        assertEquals("pending", first.get("status"));
        assertEquals(500, first.get("lastStatusCode"));
        assertEquals("not a 2xx status", first.get("lastError"));
        assertEquals(clock.instant().truncatedTo(ChronoUnit.MILLIS).plusMillis(300).toString(),
                first.get("nextAttemptAt"), "the next attempt after this profile's delay, by the service's clock");
        Thread.sleep(1_500);
        assertEquals(1, receiver.at(path).size(), "not due before its time");

        clock.advance(Duration.ofHours(23));
        awaitDelivery(webhook.id(), eventId, d -> (Integer) d.get("attempts") == 2, SOON);
        clock.advance(Duration.ofHours(1));
        Map<String, Object> last = awaitDelivery(webhook.id(), eventId, d -> "failed".equals(d.get("status")), SOON);

        assertEquals(3, last.get("attempts"));
        assertNull(last.get("nextAttemptAt"));
        assertNull(last.get("deliveredAt"));
        assertEquals(3, receiver.at(path).size());
        assertTrue(receiver.at(path).stream().allMatch(request -> eventId.equals(request.id())));
        clock.advance(Duration.ofHours(1));
        Thread.sleep(1_000);
        assertEquals(3, receiver.at(path).size(), "failed is final");
    }

    @Inject
    DeliveryRetention retention;

    @Test
    void deliveriesAreForgottenWithTheEvents() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        String path = aPath();
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        aComment().onArticle(Comments.freshArticle()).pending();
        String eventId = receiver.await(path, 1, SOON).getFirst().id();
        awaitDelivery(webhook.id(), eventId, d -> "delivered".equals(d.get("status")), SOON);

        clock.advance(Duration.ofDays(29));
        retention.apply();
        assertEquals(1, Webhooks.deliveries(webhook.id()).size(), "kept for COMMENTS_EVENTS_RETENTION (30 days)");
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        retention.apply();
        assertTrue(Webhooks.deliveries(webhook.id()).isEmpty(), "then forgotten");
    }

    @Test
    void aRotatedSecretStopsSigningAfter24Hours() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        String path = aPath();
        Webhooks.Registered webhook = receiving(path, "comment.submitted");
        String rotated = asAdmin().post(Webhooks.ONE + "/rotate-secret", webhook.id()).then().statusCode(200)
                .extract().path("secret");
        receiver.trust(path, rotated);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        aComment().onArticle(Comments.freshArticle()).pending();
        WebhookReceiver.Received request = receiver.await(path, 1, SOON).getFirst();

        assertEquals(1, request.signatures().size(), request.signatureHeader());
        assertEquals(List.of(rotated), request.verifiedWith());
        asAdmin().get(Webhooks.ONE, webhook.id()).then().statusCode(200)
                .body("previousSecretUntil", nullValue());
    }
}
