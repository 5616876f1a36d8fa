package dev.newsroom.comments.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.HttpReader;
import dev.newsroom.comments.testing.JarDatabase;
import dev.newsroom.comments.testing.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load (application.properties, {@code quarkus.shutdown.*}): readiness turns DOWN
 * while the service still answers, then it lets those in flight finish (answering with Connection:
 * close) and exits within its timeouts. Every comment answered 202 is stored after a restart.
 */
class GracefulStopIT {

    private static final int POSTERS = 16;
    private static final String ARTICLE = "graceful-stop";
    /**
     * Long enough for the checks below to happen inside it on a busy CI machine: under 16 posters a
     * readiness poll waits for a pooled connection, and with 2 s the first 503 sometimes came so
     * late that the reader's request after it already met the stopped server.
     */
    private static final Duration DELAY = Duration.ofSeconds(4);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpReader reader = new HttpReader();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    @TempDir
    Path directory;

    @RegisterExtension
    final JarDatabase database = new JarDatabase();

    @Test
    void sigtermTurnsReadinessDownFinishesInFlightPostsAndLosesNothing() throws Exception {
        ServiceProcess service = start("service.log");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService posters = startPosters(service, running);
        Thread.sleep(1_500);

        long signalled = System.nanoTime();
        service.terminate();
        boolean readinessWentDown = false;
        String readerWhenDown = "not asked";
        while (service.isAlive() && !readinessWentDown) {
            try {
                HttpResponse<String> ready = reader.get(service, "/q/health/ready");
                if (ready.statusCode() == 503) {
                    readinessWentDown = true;
                    readerWhenDown = Integer.toString(
                            reader.get(service, "/api/v1/articles/" + ARTICLE + "/comments").statusCode());
                }
            } catch (IOException closed) {
                readerWhenDown = closed.toString();
                break;
            }
            Thread.sleep(50);
        }
        OptionalInt exit = service.awaitExit(DELAY.plus(TIMEOUT).plusSeconds(10));
        long stoppedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        running.set(false);
        posters.shutdown();
        assertTrue(posters.awaitTermination(30, TimeUnit.SECONDS));

        System.out.printf("GracefulStopIT: exit %s after %d ms, statuses %s, %d acknowledged%n", exit, stoppedAfter,
                statuses, acknowledged.size());
        assertTrue(exit.isPresent(), "the service exits within delay + timeout");
        assertTrue(readinessWentDown, "readiness answered 503 before the service went away");
        assertEquals("200", readerWhenDown, "readers were still answered while readiness was down");
        assertTrue(unexpected.isEmpty(), "only 202 or 503 for posts: " + unexpected);
        assertTrue(statuses.containsKey(202), statuses.toString());
        try (ServiceProcess restarted = start("restarted.log")) {
            Map<String, String> stored = reader.storedBodies(restarted, ARTICLE);
            acknowledged.forEach((id, body) -> assertEquals(body, stored.get(id), "acknowledged comment " + id));
        }
    }

    @Test
    void sigtermEndsOpenEventStreamsCleanlyAtOnceSoClientsReconnectElsewhere() throws Exception {
        ServiceProcess service = start("streams.log");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ServiceProcess.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<CompletableFuture<String>> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<java.util.stream.Stream<String>> stream = client.send(HttpRequest
                    .newBuilder(service.uri("/api/v1/moderation/events")).header("Accept", "text/event-stream")
                    .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, stream.statusCode());
            // "ended" when the body completes normally; a connection cut mid-stream throws instead.
            streams.add(CompletableFuture.supplyAsync(() -> {
                try (java.util.stream.Stream<String> lines = stream.body()) {
                    lines.forEach(line -> { });
                    return "ended";
                } catch (RuntimeException cut) {
                    return "cut: " + cut;
                }
            }));
        }

        service.terminate();
        for (CompletableFuture<String> stream : streams) {
            // Before the shutdown delay is over: streams end when it begins, not when the server closes.
            assertEquals("ended", stream.get(DELAY.toMillis() - 500, TimeUnit.MILLISECONDS));
        }
        assertTrue(service.awaitExit(DELAY.plus(TIMEOUT).plusSeconds(10)).isPresent(), "the service exits");
    }

    private ExecutorService startPosters(ServiceProcess service, AtomicBoolean running) {
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        for (int poster = 0; poster < POSTERS; poster++) {
            int who = poster;
            posters.submit(() -> {
                for (int seq = 0; running.get(); seq++) {
                    String body = "poster " + who + " comment " + seq;
                    try {
                        HttpResponse<String> response = reader.post(service, ARTICLE, "p" + who + "@stop.example", body);
                        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                        if (response.statusCode() == 202) {
                            acknowledged.put(HttpReader.read(response.body()).get("id").asText(), body);
                        } else if (response.statusCode() != 503) {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    } catch (IOException | AssertionError | RuntimeException gone) {
                        // Refused connections once the server closed, or a 503 to the captcha request.
                        if (!service.isAlive()) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        return posters;
    }

    private ServiceProcess start(String logName) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("COMMENTS_RATE_LIMIT_ENABLED", "false");
        env.put("COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S");
        env.put("QUARKUS_SHUTDOWN_DELAY", DELAY.toString());
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", TIMEOUT.toString());
        env.putAll(database.environment());
        return ServiceProcess.start(directory, logName, env);
    }
}
