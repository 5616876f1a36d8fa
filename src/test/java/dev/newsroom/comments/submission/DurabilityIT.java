package dev.newsroom.comments.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.testing.Captchas;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing acknowledged is lost": starts the packaged jar on its default embedded database,
 * posts comments from many clients at once, kills the process with SIGKILL at a random moment,
 * restarts it, and checks that every comment answered 202 is stored, once, with its exact body.
 */
class DurabilityIT {

    private static final int CYCLES = 3;
    private static final int POSTERS = 16;
    private static final String ARTICLE = "durability";
    private static final String ADMIN_PASSWORD = "durability-admin-password";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @Test
    void everyAcknowledgedCommentSurvivesKillDashNine() throws Exception {
        int port = freePort();
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> body
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Process service = start(port, "run-" + cycle + ".log");
            postUntilKilled(service, port, cycle, acknowledged);
        }

        Process service = start(port, "verify.log");
        try {
            Map<String, String> stored = storedComments(port);
            assertTrue(acknowledged.size() >= CYCLES, "the test posted something: " + acknowledged.size());
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertEquals(ack.getValue(), stored.get(ack.getKey()), "acknowledged comment " + ack.getKey());
            }
            System.out.printf("DurabilityIT: %d acknowledged, %d stored, %d lost%n", acknowledged.size(),
                    stored.size(), acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).count());
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        for (Path log : Files.newDirectoryStream(workingDirectory, "*.log")) {
            assertFalse(Files.readString(log).contains("@durability.example"), "no email in " + log);
        }
    }

    private void postUntilKilled(Process service, int port, int cycle, Map<String, String> acknowledged)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        for (int poster = 0; poster < POSTERS; poster++) {
            int who = poster;
            posters.submit(() -> {
                for (int seq = 0; running.get(); seq++) {
                    String body = "cycle " + cycle + " poster " + who + " comment " + seq + " \u00E9\u00F8\uD83D\uDE00";
                    try {
                        String id = post(port, body, "p" + who + "@durability.example");
                        if (id != null) {
                            acknowledged.put(id, body);
                        }
                    } catch (IOException | InterruptedException serviceGone) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(1500, 4000));
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(service.waitFor(30, TimeUnit.SECONDS));
        running.set(false);
        posters.shutdown();
        assertTrue(posters.awaitTermination(30, TimeUnit.SECONDS));
    }

    /** Posts one comment as a reader would; answers its id when the service acknowledged it. */
    private String post(int port, String body, String email) throws IOException, InterruptedException {
        HttpResponse<String> captcha = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/captcha"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (captcha.statusCode() != 200) {
            return null;
        }
        JsonNode challenge = json.readTree(captcha.body());
        Map<String, String> submission = new HashMap<>();
        submission.put("name", "Durable Reader");
        submission.put("email", email);
        submission.put("body", body);
        submission.put("captchaToken", challenge.get("token").asText());
        submission.put("captchaAnswer", Integer.toString(Captchas.solve(challenge.get("question").asText())));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/articles/" + ARTICLE
                + "/comments")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(submission))).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 202 ? json.readTree(response.body()).get("id").asText() : null;
    }

    private Map<String, String> storedComments(int port) throws Exception {
        Map<String, String> stored = new HashMap<>();
        String cursor = null;
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        do {
            String query = "/api/v1/moderation/comments?articleId=" + ARTICLE + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(port, query))
                    .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = json.readTree(page.body());
            for (JsonNode comment : body.get("comments")) {
                String previous = stored.put(comment.get("id").asText(), comment.get("body").asText());
                assertEquals(null, previous, "stored once");
            }
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);
        return stored;
    }

    private Process start(int port, String logName) throws Exception {
        Path jar = Path.of(System.getProperty("user.dir"), "target", "quarkus-app", "quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workingDirectory.resolve(logName).toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("COMMENTS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // 16 posters on one address would otherwise meet the rate and flood limits at once.
        builder.environment().put("COMMENTS_RATE_LIMIT_ENABLED", "false");
        builder.environment().put("COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S");
        // Another database for the same test: -Ddurability.jdbc-url=jdbc:postgresql://...
        String jdbcUrl = System.getProperty("durability.jdbc-url");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        }
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the service died at start; see " + logName);
            try {
                if (http.send(HttpRequest.newBuilder(uri(port, "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become ready; see " + logName);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
