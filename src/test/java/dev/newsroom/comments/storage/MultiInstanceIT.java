package dev.newsroom.comments.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.HttpReader;
import dev.newsroom.comments.testing.ServiceProcess;
import dev.newsroom.comments.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the jar on different ports, sharing one PostgreSQL database, behave as one
 * service: captchas, published lists, rate limits, flood checks and login lockouts hold across
 * them. (PostgreSQL run of the suite only: the embedded H2 file belongs to one process.)
 */
class MultiInstanceIT {

    /** The default comments.publication.max-age. */
    private static final int MAX_AGE_SECONDS = 30;

    private final HttpReader reader = new HttpReader();
    private String database;
    private ServiceProcess first;
    private ServiceProcess second;

    @TempDir
    Path directory;

    @BeforeEach
    void createDatabase() {
        assumeTrue(TestDatabase.isPostgresql(), "two instances share a PostgreSQL database");
        database = TestDatabase.createPostgresqlDatabase();
    }

    @AfterEach
    void stopInstances() throws Exception {
        for (ServiceProcess instance : new ServiceProcess[] { first, second }) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            TestDatabase.dropPostgresqlDatabase(database);
        }
    }

    @Test
    void captchasPublicationRateLimitsAndLockoutsAreShared() throws Exception {
        startBoth(Map.of("COMMENTS_RATE_LIMIT_SUBMISSIONS_PER_MINUTE", "3",
                "COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S",
                "COMMENTS_ADMIN_MAX_FAILED_LOGINS", "3"));
        String article = "shared-" + UUID.randomUUID();

        // A captcha issued by one instance is redeemed once on either.
        Captchas.Solved captcha = reader.captcha(first);
        HttpResponse<String> accepted = reader.post(second, article, "one@example.com", "Posted on the second",
                captcha, captcha.answerText());
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = HttpReader.read(accepted.body()).get("id").asText();
        HttpResponse<String> replay = reader.post(first, article, "two@example.com", "Replayed on the first",
                captcha, captcha.answerText());
        assertEquals(400, replay.statusCode(), replay.body());
        assertEquals("captchaAnswer", HttpReader.read(replay.body()).get("violations").get(0).get("field").asText());

        // Approved on one, published by the other within max-age, although the other had the page in memory.
        assertEquals(0, HttpReader.read(reader.get(second, "/api/v1/articles/" + article + "/comments").body())
                .get("comments").size());
        assertEquals(200, reader.asAdmin(first, "POST", "/api/v1/moderation/comments/" + id + "/approve").statusCode());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS);
        JsonNode published;
        do {
            Thread.sleep(200);
            published = HttpReader.read(reader.get(second, "/api/v1/articles/" + article + "/comments").body());
        } while (published.get("comments").size() == 0 && System.nanoTime() < deadline);
        assertEquals(id, published.get("comments").get(0).get("id").asText(), "published within max-age");

        // Three submissions a minute per client, whichever instance takes them: the post and the replay
        // above were the first two.
        assertEquals(202, reader.post(first, article, "three@example.com", "Third of three").statusCode());
        HttpResponse<String> limited = reader.post(second, article, "five@example.com", "Fourth, one too many");
        assertEquals(429, limited.statusCode(), limited.body());
        assertNotNull(limited.headers().firstValue("Retry-After").orElse(null));
        assertEquals(429, reader.post(first, article, "six@example.com", "Fifth, still too many").statusCode());

        // Three wrong passwords across both instances lock the username out on both.
        assertEquals(401, reader.asAdmin(first, "GET", "/api/v1/moderation/stats", "wrong-password-1").statusCode());
        assertEquals(401, reader.asAdmin(second, "GET", "/api/v1/moderation/stats", "wrong-password-2").statusCode());
        assertEquals(401, reader.asAdmin(first, "GET", "/api/v1/moderation/stats", "wrong-password-3").statusCode());
        HttpResponse<String> locked = reader.asAdmin(second, "GET", "/api/v1/moderation/stats");
        assertEquals(429, locked.statusCode(), "locked out even with the right password: " + locked.body());
    }

    @Test
    void theFloodIntervalHoldsAcrossInstances() throws Exception {
        startBoth(Map.of("COMMENTS_RATE_LIMIT_ENABLED", "false", "COMMENTS_ANTISPAM_FLOOD_INTERVAL", "PT1H"));
        String article = "flood-" + UUID.randomUUID();

        assertEquals(202, reader.post(first, article, "flood@example.com", "First comment").statusCode());
        HttpResponse<String> flooded = reader.post(second, article, "flood@example.com", "Right after, elsewhere");
        assertEquals(429, flooded.statusCode(), flooded.body());
        assertTrue(flooded.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void aSiteSettingChangedOnOneInstanceAppliesOnTheOtherWithinFiveSeconds() throws Exception {
        startBoth(Map.of());
        String settings = "/api/v1/admin/settings";
        // The second instance has read them before the change, so it holds them in memory.
        assertEquals("hold-all", HttpReader.read(reader.asAdmin(second, "GET", settings).body())
                .get("moderationPolicy").asText());

        long changed = System.nanoTime();
        HttpResponse<String> put = reader.asAdminWithJson(first, "PUT", settings, "{\"moderationPolicy\": \"trust-returning\"}");
        assertEquals(200, put.statusCode(), put.body());
        String seen;
        do {
            seen = HttpReader.read(reader.asAdmin(second, "GET", settings).body()).get("moderationPolicy").asText();
        } while (!seen.equals("trust-returning")
                && System.nanoTime() - changed < java.util.concurrent.TimeUnit.SECONDS.toNanos(10));
        long tookMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changed);
        assertEquals("trust-returning", seen);
        assertTrue(tookMillis <= 5_000, "applied on the other instance after " + tookMillis + " ms");
    }

    @Test
    void aBanHoldsOnTheOtherInstanceAtOnceAndReportsUnpublishEverywhere() throws Exception {
        startBoth(Map.of("COMMENTS_RATE_LIMIT_ENABLED", "false", "COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S",
                "COMMENTS_MODERATION_REPORTS_TO_HOLD", "1"));
        String article = "troll-" + UUID.randomUUID();

        HttpResponse<String> first = reader.post(this.first, article, "troll@example.com", "First abuse");
        String id = HttpReader.read(first.body()).get("id").asText();
        String authorId = HttpReader.read(reader.asAdmin(this.first, "GET", "/api/v1/moderation/comments/" + id).body())
                .get("authorId").asText();
        HttpResponse<String> banned = reader.asAdminWithJson(second, "PUT",
                "/api/v1/moderation/authors/" + authorId + "/standing", "{\"standing\": \"banned\"}");
        assertEquals(200, banned.statusCode(), banned.body());
        HttpResponse<String> next = reader.post(this.first, article, "TROLL@example.com", "More abuse, at once");
        assertEquals(202, next.statusCode(), next.body());
        JsonNode stored = HttpReader.read(reader.asAdmin(this.first, "GET",
                "/api/v1/moderation/comments/" + HttpReader.read(next.body()).get("id").asText()).body());
        assertEquals("spam", stored.get("status").asText());
        assertEquals("banned-author", stored.get("reasons").get(0).asText());

        // A published comment both instances hold in memory; one report on the second unpublishes it.
        String good = HttpReader.read(reader.post(this.first, article, "fine@example.com", "Fine words").body())
                .get("id").asText();
        assertEquals(200, reader.asAdmin(second, "POST", "/api/v1/moderation/comments/" + good + "/approve").statusCode());
        String page = "/api/v1/articles/" + article + "/comments";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS);
        while (HttpReader.read(reader.get(this.first, page).body()).get("total").asInt() == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, HttpReader.read(reader.get(this.first, page).body()).get("total").asInt());
        HttpResponse<String> reported = reader.postJson(second, "/api/v1/comments/" + good + "/reports",
                "{\"reason\": \"offensive\"}");
        assertEquals(202, reported.statusCode(), reported.body());
        assertEquals(0, HttpReader.read(reader.get(second, page).body()).get("total").asInt(), "at once where reported");
        deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS);
        while (HttpReader.read(reader.get(this.first, page).body()).get("total").asInt() != 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, HttpReader.read(reader.get(this.first, page).body()).get("total").asInt(),
                "within the cache time on the other instance");
    }

    @Test
    void anEventStreamOnOneInstanceCarriesTheOthersEventsWithinTwoSeconds() throws Exception {
        startBoth(Map.of("COMMENTS_RATE_LIMIT_ENABLED", "false", "COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String credentials = java.util.Base64.getEncoder().encodeToString(("admin:" + ServiceProcess.ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<java.util.stream.Stream<String>> stream = client.send(java.net.http.HttpRequest
                .newBuilder(second.uri("/api/v1/moderation/events")).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, stream.statusCode());
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        try {
            long posted = System.nanoTime();
            HttpResponse<String> accepted = reader.post(first, "live-" + UUID.randomUUID(), "live@example.com", "Seen elsewhere");
            String id = HttpReader.read(accepted.body()).get("id").asText();
            String line;
            do {
                line = lines.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            } while (line != null && !(line.startsWith("data:") && line.contains(id)));
            long tookMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted);
            assertNotNull(line, "the other instance's event arrived");
            assertTrue(tookMillis <= 2_000 + 500, "arrived after " + tookMillis + " ms (the post itself included)");
        } finally {
            stream.body().close();
        }
    }

    private void startBoth(Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(ServiceProcess.databaseEnvironment(database));
        env.putAll(settings);
        // Both at once on the empty database: migrations, generated keys and the first admin race.
        var starting = CompletableFuture.supplyAsync(() -> start("second.log", env));
        first = start("first.log", env);
        second = starting.join();
    }

    private ServiceProcess start(String log, Map<String, String> env) {
        try {
            return ServiceProcess.start(directory, log, env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
