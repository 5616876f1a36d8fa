package dev.newsroom.comments.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsroom.comments.testing.HttpReader;
import dev.newsroom.comments.testing.PrivatePostgresql;
import dev.newsroom.comments.testing.ServiceProcess;
import dev.newsroom.comments.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped under load, then started again: while it is down, readiness fails and posts
 * (and reads) are answered 503 with Retry-After within seconds (never 500, never a hang); afterwards the
 * service recovers by itself, every acknowledged comment is stored, and no thread or connection
 * was leaked. The server is a private one of this test, so stopping it disturbs nobody.
 */
class DatabaseOutageIT {

    private static final int POSTERS = 8;
    // 8 s in the suite; reliability/outage.sh runs the 20 s.
    private static final long OUTAGE_MILLIS = Long.getLong("reliability.outage-seconds", 8) * 1000;
    private static final String ARTICLE = "outage";

    private final HttpReader reader = new HttpReader();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final java.util.List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path directory;

    @Test
    void writesAnswer503DuringAnOutageAndNothingAcknowledgedIsLost() throws Exception {
        assumeTrue(TestDatabase.isPostgresql() && PrivatePostgresql.available(), "PostgreSQL run, server binaries");
        try (PrivatePostgresql database = PrivatePostgresql.start();
                ServiceProcess service = ServiceProcess.start(directory, "service.log", Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", "postgres",
                        "COMMENTS_RATE_LIMIT_ENABLED", "false",
                        "COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S"))) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService posters = startPosters(service, running);
            Thread.sleep(2_000);
            long threadsBefore = gauge(service, "jvm_threads_live_threads", "");

            database.stopServer();
            Thread.sleep(1_000);
            slowestMillis.set(0);
            HttpResponse<String> ready = reader.get(service, "/q/health/ready");
            assertEquals(503, ready.statusCode(), "readiness fails while the database is down");
            HttpResponse<String> refused = reader.post(service, ARTICLE, "during@outage.example", "During the outage");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            HttpResponse<String> read = reader.get(service, "/api/v1/articles/" + ARTICLE + "/comments");
            assertEquals(503, read.statusCode(), "reads need the database too: " + read.body());
            Thread.sleep(OUTAGE_MILLIS);
            long slowestDuringOutage = slowestMillis.get();

            database.startServer();
            awaitRecovery(service);
            Thread.sleep(2_000);
            running.set(false);
            posters.shutdown();
            assertTrue(posters.awaitTermination(30, TimeUnit.SECONDS));

            System.out.printf("DatabaseOutageIT: statuses %s, slowest answer during the outage %d ms, %d acknowledged%n",
                    statuses, slowestDuringOutage, acknowledged.size());
            service.logLines("ERROR").forEach(line -> System.out.println("DatabaseOutageIT service log: " + line));
            assertTrue(slowestDuringOutage < 7_000, "no request hung: slowest " + slowestDuringOutage + " ms");
            assertTrue(statuses.keySet().stream().allMatch(status -> status == 202 || status == 503),
                    "only 202 and 503: " + statuses + " " + unexpected + " " + service.logLines("Unhandled"));
            assertTrue(statuses.containsKey(503) && statuses.containsKey(202), statuses.toString());
            Map<String, String> stored = reader.storedBodies(service, ARTICLE);
            acknowledged.forEach((id, body) -> assertEquals(body, stored.get(id), "acknowledged comment " + id));
            long threadsAfter = gauge(service, "jvm_threads_live_threads", "");
            assertTrue(threadsAfter <= threadsBefore + 8, "threads before " + threadsBefore + ", after " + threadsAfter);
            long activeConnections = gauge(service, "agroal_active_count", "postgresql");
            assertTrue(activeConnections <= 1, "connections still in use after the load: " + activeConnections);
        }
    }

    private ExecutorService startPosters(ServiceProcess service, AtomicBoolean running) {
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        for (int poster = 0; poster < POSTERS; poster++) {
            int who = poster;
            posters.submit(() -> {
                for (int seq = 0; running.get(); seq++) {
                    String body = "poster " + who + " comment " + seq;
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = reader.post(service, ARTICLE, "p" + who + "@outage.example", body);
                        slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
                        statuses.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                        if (response.statusCode() == 202) {
                            acknowledged.put(HttpReader.read(response.body()).get("id").asText(), body);
                        } else {
                            if (response.statusCode() != 503) {
                                unexpected.add(response.statusCode() + " " + response.body());
                            }
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        statuses.computeIfAbsent(-1, status -> new AtomicLong()).incrementAndGet();
                    }
                }
            });
        }
        return posters;
    }

    private void awaitRecovery(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (reader.get(service, "/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not recover within 30 s of the database's return");
    }

    /** A gauge of /q/metrics; {@code label} picks one series (say, one datasource's). */
    private long gauge(ServiceProcess service, String name, String label) throws Exception {
        String metrics = reader.get(service, "/q/metrics").body();
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*" + label + "[^}]*\\})? ([0-9.E+]+)$").matcher(metrics);
        assertTrue(value.find(), name + " in /q/metrics");
        return (long) Double.parseDouble(value.group(2));
    }
}
