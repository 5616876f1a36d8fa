package dev.newsroom.comments.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.HttpReader;
import dev.newsroom.comments.testing.JarDatabase;
import dev.newsroom.comments.testing.ServiceProcess;
import dev.newsroom.comments.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing acknowledged is lost": starts the packaged jar on its default embedded database (or,
 * in the PostgreSQL run of the suite, on a fresh PostgreSQL database), posts comments from many
 * clients at once, kills the process with SIGKILL at a random moment, restarts it, and checks
 * that every comment answered 202 is stored, once, with its exact body.
 */
class DurabilityIT {

    // Short in the suite; reliability/crash.sh runs the 25 cycles of 32 posters.
    private static final int CYCLES = Integer.getInteger("reliability.cycles", 3);
    private static final int POSTERS = Integer.getInteger("reliability.posters", 16);
    private static final String ARTICLE = "durability";

    private final HttpReader reader = new HttpReader();

    @TempDir
    Path workingDirectory;

    @RegisterExtension
    final JarDatabase database = new JarDatabase();

    @Test
    void everyAcknowledgedCommentSurvivesKillDashNine() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> body
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            postUntilKilled(start("run-" + cycle + ".log"), cycle, acknowledged);
        }

        try (ServiceProcess service = start("verify.log")) {
            Map<String, String> stored = reader.storedBodies(service, ARTICLE);
            assertTrue(acknowledged.size() >= CYCLES, "the test posted something: " + acknowledged.size());
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertEquals(ack.getValue(), stored.get(ack.getKey()), "acknowledged comment " + ack.getKey());
            }
            // Every body is unique: one stored twice would be a post written twice.
            Map<String, Long> copies = stored.values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(body -> body, java.util.stream.Collectors.counting()));
            long twice = copies.values().stream().filter(count -> count > 1).count();
            System.out.printf("DurabilityIT: %d cycles of %d posters on %s: %d acknowledged, %d found, %d stored,"
                    + " %d lost, %d stored twice%n", CYCLES, POSTERS, TestDatabase.isPostgresql() ? "PostgreSQL" : "H2",
                    acknowledged.size(), acknowledged.keySet().stream().filter(stored::containsKey).count(),
                    stored.size(), acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).count(), twice);
            assertEquals(0, twice, "no comment is stored twice");
        }
        for (Path log : Files.newDirectoryStream(workingDirectory, "*.log")) {
            assertFalse(Files.readString(log).contains("@durability.example"), "no email in " + log);
        }
    }

    private void postUntilKilled(ServiceProcess service, int cycle, Map<String, String> acknowledged)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.CountDownLatch posting = new java.util.concurrent.CountDownLatch(1);
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        for (int poster = 0; poster < POSTERS; poster++) {
            int who = poster;
            posters.submit(() -> {
                for (int seq = 0; running.get(); seq++) {
                    String body = "cycle " + cycle + " poster " + who + " comment " + seq + " \u00E9\u00F8\uD83D\uDE00";
                    try {
                        HttpResponse<String> response = reader.post(service, ARTICLE, "p" + who + "@durability.example",
                                body);
                        if (response.statusCode() == 202) {
                            acknowledged.put(HttpReader.read(response.body()).get("id").asText(), body);
                            posting.countDown();
                        }
                    } catch (IOException | InterruptedException | AssertionError serviceGone) {
                        return;
                    }
                }
            });
        }
        // The kill lands while posts are being acknowledged, whatever a cold start costs the first ones.
        posting.await(30, TimeUnit.SECONDS);
        Thread.sleep(ThreadLocalRandom.current().nextLong(1500, 4000));
        service.kill();
        running.set(false);
        posters.shutdown();
        assertTrue(posters.awaitTermination(30, TimeUnit.SECONDS));
    }


    private ServiceProcess start(String logName) throws Exception {
        Map<String, String> env = new HashMap<>();
        // 16 posters on one address would otherwise meet the rate and flood limits at once.
        env.put("COMMENTS_RATE_LIMIT_ENABLED", "false");
        env.put("COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S");
        // Another database for the same test: -Ddurability.jdbc-url=jdbc:h2:... (or the PostgreSQL run).
        String jdbcUrl = System.getProperty("durability.jdbc-url");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        } else {
            env.putAll(database.environment());
        }
        return ServiceProcess.start(workingDirectory, logName, env);
    }
}
