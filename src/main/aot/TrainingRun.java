import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AOT cache's training run (JEP 483/514/515), made by {@code mvn package}: starts the packaged
 * service with {@code -XX:AOTCacheOutput}, walks it through a reader's and a moderator's day over
 * HTTP, stops it with SIGTERM and checks that the JVM wrote the cache. The cache then holds every
 * class that startup and those requests loaded, already linked, with their method profiles.
 *
 * <p>Run as a single-file program, with the JDK that will run the service (a cache only opens on the
 * JVM build that wrote it, and only for a jar at the same absolute path):
 * {@code java src/main/aot/TrainingRun.java target/quarkus-app}. Plain JDK, no dependencies, so the
 * Dockerfile runs it too. The service gets a throwaway H2 database and a free port; nothing of the
 * run is kept but the cache and the service's log, in the scratch directory (by default
 * {@code target/aot-training/service.log}).
 */
public class TrainingRun {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CACHE_TIMEOUT = Duration.ofMinutes(5);
    /** Rounds of the reader's and moderator's requests: enough for the JIT's profiles to settle. */
    private static final int ROUNDS = 150;
    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    private static final Pattern JSON_STRING = Pattern.compile("\"(%s)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** HTTP/1.1, as browsers behind a proxy, wrk and curl speak to the service: the codec worth training. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminPassword;
    private int requests;

    private TrainingRun(int port, String adminPassword) {
        this.base = "http://127.0.0.1:" + port;
        this.adminPassword = adminPassword;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            fail("usage: java src/main/aot/TrainingRun.java <the quarkus-app directory> [<scratch directory>]");
        }
        if (Runtime.version().feature() < 25) {
            fail("the AOT cache needs JDK 25 or newer to build and run the service; this is " + Runtime.version()
                    + ". Install Temurin 25 and point JAVA_HOME at it");
        }
        Path app = Path.of(args[0]).toAbsolutePath().normalize();
        Path jar = app.resolve("quarkus-run.jar");
        Path cache = app.resolve("app.aot");
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": package the service first");
        }
        Files.deleteIfExists(cache);
        Path work = args.length == 2 ? Path.of(args[1]).toAbsolutePath() : app.resolveSibling("aot-training");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path log = work.resolve("service.log");

        String adminPassword = HexFormat.of().formatHex(randomBytes(16));
        long started = System.nanoTime();
        Process process = null;
        try {
            TrainingRun run = null;
            // A free port found a moment ago may be taken by the time the service binds it: try again.
            for (int attempt = 1; run == null; attempt++) {
                int port = freePort();
                Process service = start(jar, cache, work, log, port, adminPassword);
                process = service;
                Runtime.getRuntime().addShutdownHook(new Thread(service::destroyForcibly)); // if Maven is stopped
                TrainingRun candidate = new TrainingRun(port, adminPassword);
                try {
                    candidate.awaitReady(service);
                    run = candidate;
                } catch (IllegalStateException notStarted) {
                    if (attempt == 3 || !Files.readString(log).contains("in use")) {
                        throw notStarted;
                    }
                    service.destroyForcibly().waitFor();
                }
            }
            run.readersAndModerators();
            System.out.printf("training run: %d requests in %d ms; stopping the service so it writes %s%n",
                    run.requests, (System.nanoTime() - started) / 1_000_000, cache);
        } catch (Exception | AssertionError e) {
            if (process != null) {
                process.destroyForcibly();
            }
            fail("the training run failed: " + e.getMessage() + " (service log: " + log + ")");
        }
        process.destroy(); // SIGTERM: the JVM writes the cache as it exits
        if (!process.waitFor(CACHE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the service did not exit within " + CACHE_TIMEOUT + " of SIGTERM (log: " + log + ")");
        }
        if (!Files.isRegularFile(cache)) {
            fail("the JVM exited (" + process.exitValue() + ") without writing " + cache + " (log: " + log + ")");
        }
        deleteRecursively(work.resolve("data"));
        System.out.printf("AOT cache: %s, %d MiB, %d s in all%n", cache, Files.size(cache) >> 20,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * The service as the README runs it, but with {@code -XX:AOTCacheOutput}, on a throwaway database.
     * Its environment is this one without the service's own settings, so a developer's
     * {@code COMMENTS_*}, {@code QUARKUS_*} or JVM options cannot change what is trained or break the run.
     */
    private static Process start(Path jar, Path cache, Path work, Path log, int port, String adminPassword)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The jar by its absolute path: the cache remembers the class path, and opens only for the same one.
        ProcessBuilder service = new ProcessBuilder(java, "-Xmx256m", "-XX:AOTCacheOutput=" + cache, "-jar",
                jar.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = service.environment();
        env.keySet().removeIf(name -> name.startsWith("COMMENTS_") || name.startsWith("QUARKUS_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + work.resolve("data/comments") + ";DB_CLOSE_ON_EXIT=FALSE");
        env.put("COMMENTS_ADMIN_PASSWORD", adminPassword);
        // One client posts everything here: the per-client limits would answer 429 after a few posts.
        env.put("COMMENTS_RATE_LIMIT_ENABLED", "false");
        env.put("COMMENTS_ANTISPAM_FLOOD_INTERVAL", "0S");
        env.put("QUARKUS_SHUTDOWN_DELAY_ENABLED", "false");
        return service.start();
    }

    private void awaitReady(Process process) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited (" + process.exitValue() + ") before it was ready");
            }
            try {
                if (get("/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready after " + READY_TIMEOUT);
    }

    /** What a day brings: captchas, posts as JSON and as forms, bad posts, readers' lists and counts, moderation. */
    private void readersAndModerators() throws Exception {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        String token = field(expect(201, send("POST", "/api/v1/moderation/tokens", basic, "application/json",
                "{\"name\":\"aot-training\"}")), "token");
        String bearer = "Bearer " + token;
        expect(200, get("/api/v1/moderation/comments", basic));

        for (int round = 0; round < ROUNDS; round++) {
            String article = "training-" + (round % 7);
            String id = postJson(article, round);
            postForm(article, round);
            expect(400, send("POST", "/api/v1/articles/" + article + "/comments", null, "application/json",
                    "{\"name\":\"\",\"email\":\"not-an-email\",\"body\":\"\"}"));

            expect(200, send("POST", "/api/v1/moderation/comments/" + id + "/approve", bearer, null, null));
            expect(200, get("/api/v1/moderation/comments/" + id, bearer));
            expect(200, get("/api/v1/moderation/comments?limit=20", bearer));
            if (round % 10 == 0) {
                expect(200, get("/api/v1/moderation/stats", bearer));
                expect(200, get("/api/v1/moderation/audit?commentId=" + id, bearer));
            }
            expect(200, get("/api/v1/articles/" + article + "/comments?limit=50", null));
            expect(200, get("/api/v1/comment-counts?articleId=" + article + "&articleId=training-none", null));
            expect(404, get("/api/v1/moderation/comments/00000000-0000-7000-8000-000000000000", bearer));
        }
        expect(200, get("/q/health/live", null));
        expect(200, get("/q/metrics", null));
        expect(200, get("/q/openapi", null));
    }

    private String postJson(String article, int round) throws Exception {
        Captcha captcha = captcha();
        String json = "{\"name\":\"Reader " + round + "\",\"email\":\"reader" + round + "@example.com\","
                + "\"body\":\"Comment " + round + " on " + article + ": a thoughtful remark.\","
                + "\"captchaToken\":\"" + captcha.token + "\",\"captchaAnswer\":\"" + captcha.answer + "\"}";
        HttpResponse<String> posted = send("POST", "/api/v1/articles/" + article + "/comments", null,
                "application/json", json);
        if (posted.statusCode() != 201 && posted.statusCode() != 202) {
            throw new AssertionError("a post was answered " + posted.statusCode() + ": " + posted.body());
        }
        return field(posted, "id");
    }

    private void postForm(String article, int round) throws Exception {
        Captcha captcha = captcha();
        String form = "name=" + url("Form reader " + round) + "&email=" + url("form" + round + "@example.com")
                + "&body=" + url("A form post, number " + round + ".") + "&captchaToken=" + url(captcha.token)
                + "&captchaAnswer=" + url(Integer.toString(captcha.answer));
        HttpResponse<String> posted = send("POST", "/api/v1/articles/" + article + "/comments", null,
                "application/x-www-form-urlencoded", form);
        if (posted.statusCode() >= 300 && posted.statusCode() != 303) {
            throw new AssertionError("a form post was answered " + posted.statusCode() + ": " + posted.body());
        }
    }

    private record Captcha(String token, int answer) {
    }

    private Captcha captcha() throws Exception {
        HttpResponse<String> response = expect(200, get("/api/v1/captcha", null));
        return new Captcha(field(response, "token"), solve(field(response, "question")));
    }

    /**
     * {@code A OP B =}, each operand digits or an English word from zero to twenty. The tests' solver
     * ({@code testing.Captchas}) does the same; this file runs on its own, so it cannot share it.
     */
    static int solve(String question) {
        String[] parts = question.split(" ");
        int a = operand(parts[0]);
        int b = operand(parts[2]);
        return switch (parts[1]) {
            case "+" -> a + b;
            case "\u2212" -> a - b;
            case "\u00D7" -> a * b;
            default -> throw new IllegalArgumentException("unknown operator in " + question);
        };
    }

    private static int operand(String text) {
        return text.chars().allMatch(Character::isDigit) ? Integer.parseInt(text) : WORDS.indexOf(text);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return send("GET", path, authorization, null, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType,
            String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        requests++;
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ", expected " + status + ": " + response.body());
        }
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile(JSON_STRING.pattern().formatted(Pattern.quote(name))).matcher(response.body());
        if (!matcher.find()) {
            throw new AssertionError("no \"" + name + "\" in " + response.body());
        }
        return matcher.group(2).replace("\\u00d7", "\u00D7").replace("\\u2212", "\u2212");
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("TrainingRun: " + message);
        System.exit(1);
    }
}
