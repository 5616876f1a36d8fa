package dev.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.comments.testing.HttpReader;
import dev.newsroom.comments.testing.JarDatabase;
import dev.newsroom.comments.testing.ServiceProcess;
import dev.newsroom.comments.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * API.md §6 webhooks, black-box against the packaged jar: retries outlive {@code kill -9} and a
 * graceful restart without losing a delivery or sending one under another id, and two instances on
 * one PostgreSQL database attempt each delivery once. The receiver checks every signature itself.
 */
class WebhookRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpReader reader = new HttpReader();
    private WebhookReceiver receiver;
    private final List<ServiceProcess> instances = new ArrayList<>();

    @TempDir
    Path directory;

    @RegisterExtension
    final JarDatabase database = new JarDatabase();

    @BeforeEach
    void startTheReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ServiceProcess instance : instances) {
            if (instance.isAlive()) {
                instance.close();
            }
        }
        receiver.close();
    }

    @Test
    void retriesOutliveKillDashNineAndARestartWithNothingLostAndOneIdPerEvent() throws Exception {
        String path = "/down-for-a-while";
        receiver.down(path);
        ServiceProcess service = start("first.log");
        register(service, path);
        List<String> posted = new ArrayList<>(postComments(service, 15));

        // Killed while every delivery is waiting for its next attempt.
        receiver.await(path, 30, PATIENCE);
        service.kill();

        service = start("after-kill.log");
        posted.addAll(postComments(service, 15));
        receiver.await(path, receiver.at(path).size() + 30, PATIENCE);
        service.close(); // SIGTERM, in the middle of retries again

        service = start("after-restart.log");
        receiver.up(path);
        awaitDeliveredOk(path, posted);

        Map<String, Set<String>> idsPerComment = receiver.at(path).stream().collect(Collectors.groupingBy(
                request -> commentOf(request), Collectors.mapping(WebhookReceiver.Received::id, Collectors.toSet())));
        for (String comment : posted) {
            assertEquals(1, idsPerComment.get(comment).size(), "one webhook-id for every attempt of " + comment);
        }
        assertTrue(receiver.at(path).stream().allMatch(request -> request.verifiedWith().size() == 1),
                "every attempt signed with the webhook's secret");
        for (Path log : Files.newDirectoryStream(directory, "*.log")) {
            assertFalse(Files.readString(log).contains("@webhook-restart.example"), "no email in " + log);
        }
        System.out.printf("WebhookRestartIT: %d comments, %d attempts across kill -9 and SIGTERM on %s, none lost%n",
                posted.size(), receiver.at(path).size(), TestDatabase.isPostgresql() ? "PostgreSQL" : "H2");
    }

    @Test
    void twoInstancesOnOneDatabaseAttemptEachDeliveryOnce() throws Exception {
        assumeTrue(TestDatabase.isPostgresql(), "two instances share a PostgreSQL database");
        String path = "/fails-each-first-attempt";
        receiver.failFirstAttemptOfEach(path);
        ServiceProcess first = start("first.log");
        ServiceProcess second = start("second.log");
        register(first, path);

        List<String> posted = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            posted.addAll(postComments(first, 2));
            posted.addAll(postComments(second, 2));
        }
        awaitDeliveredOk(path, posted);
        Thread.sleep(1_500); // an attempt made twice would arrive in this time

        Map<String, Long> attemptsPerId = receiver.at(path).stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
        assertEquals(posted.size(), attemptsPerId.size(), "one event, one webhook-id, per comment");
        attemptsPerId.forEach((id, attempts) -> assertEquals(2, attempts,
                "event " + id + ": the failed first attempt and one retry, made by one instance each time"));
    }

    private ServiceProcess start(String log) throws Exception {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("COMMENTS_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("COMMENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        env.put("COMMENTS_WEBHOOKS_RETRY_DELAYS", "PT0.2S,PT0.5S");
        env.put("COMMENTS_RATE_LIMIT_ENABLED", "false");
        env.put("COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S");
        ServiceProcess service = ServiceProcess.start(directory, log, env);
        instances.add(service);
        return service;
    }

    private void register(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> created = reader.asAdminWithJson(service, "POST", Webhooks.WEBHOOKS,
                "{\"url\":\"" + receiver.url(path) + "\",\"events\":[\"comment.submitted\"]}");
        assertEquals(201, created.statusCode(), created.body());
        receiver.trust(path, HttpReader.read(created.body()).get("secret").asText());
    }

    /** Posts {@code count} comments through the service and answers their ids. */
    private List<String> postComments(ServiceProcess service, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = reader.post(service, "webhook-restart",
                    UUID.randomUUID() + "@webhook-restart.example", "Delivered whatever happens, " + i);
            assertEquals(202, response.statusCode(), response.body());
            ids.add(HttpReader.read(response.body()).get("id").asText());
        }
        return ids;
    }

    /** Waits until every comment's event was answered 2xx by the receiver at least once. */
    private void awaitDeliveredOk(String path, List<String> comments) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Set<String> missing;
        do {
            Set<String> delivered = receiver.at(path).stream().filter(request -> request.status() / 100 == 2)
                    .map(WebhookRestartIT::commentOf).collect(Collectors.toSet());
            missing = comments.stream().filter(comment -> !delivered.contains(comment)).collect(Collectors.toSet());
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(missing.size() + " of " + comments.size() + " comments never delivered: " + missing);
    }

    private static String commentOf(WebhookReceiver.Received request) {
        JsonNode body = HttpReader.read(request.bodyText());
        return body.get("commentId").asText();
    }
}
