package dev.newsroom.comments.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reader's and a moderator's HTTP calls against a {@link ServiceProcess}, with plain
 * java.net.http (REST Assured is bound to the in-process application).
 */
public final class HttpReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * HTTP/1.1, as a load balancer or proxy speaks to the service. The JDK client's default, HTTP/2 over
     * cleartext, gets a GOAWAY when a graceful stop begins and then fails the next request on that
     * connection ("request not processed by peer") instead of opening a new one.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** A captcha from {@code service}: its token and the right answer. */
    public Captchas.Solved captcha(ServiceProcess service) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(service.uri("/api/v1/captcha")).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /captcha answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode challenge = read(response.body());
        String question = challenge.get("question").asText();
        return new Captchas.Solved(challenge.get("token").asText(), question, Captchas.solve(question));
    }

    /** Posts a comment answering {@code captcha} with {@code answer}. */
    public HttpResponse<String> post(ServiceProcess service, String article, String email, String body,
            Captchas.Solved captcha, String answer) throws IOException, InterruptedException {
        Map<String, String> submission = new LinkedHashMap<>();
        submission.put("name", "Process Reader");
        submission.put("email", email);
        submission.put("body", body);
        submission.put("captchaToken", captcha.token());
        submission.put("captchaAnswer", answer);
        return send(HttpRequest.newBuilder(service.uri("/api/v1/articles/" + article + "/comments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(submission))));
    }

    /** Fetches a captcha and posts a comment with its right answer. */
    public HttpResponse<String> post(ServiceProcess service, String article, String email, String body)
            throws IOException, InterruptedException {
        Captchas.Solved captcha = captcha(service);
        return post(service, article, email, body, captcha, captcha.answerText());
    }

    public HttpResponse<String> get(ServiceProcess service, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service.uri(path)).GET());
    }

    /** A request as the first administrator ({@link ServiceProcess#ADMIN_PASSWORD}), or with another password. */
    public HttpResponse<String> asAdmin(ServiceProcess service, String method, String path, String password)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> asAdmin(ServiceProcess service, String method, String path)
            throws IOException, InterruptedException {
        return asAdmin(service, method, path, ServiceProcess.ADMIN_PASSWORD);
    }

    /** A reader's POST of a JSON body. */
    public HttpResponse<String> postJson(ServiceProcess service, String path, String json)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** As the admin, with a JSON body. */
    public HttpResponse<String> asAdminWithJson(ServiceProcess service, String method, String path, String json)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + ServiceProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Every stored comment of an article (any status), id to body, through the moderation API; each must be there once. */
    public Map<String, String> storedBodies(ServiceProcess service, String article) throws IOException, InterruptedException {
        Map<String, String> stored = new LinkedHashMap<>();
        String cursor = null;
        do {
            HttpResponse<String> page = asAdmin(service, "GET", "/api/v1/moderation/comments?articleId=" + article
                    + "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.statusCode() != 200) {
                throw new AssertionError("moderation list answered " + page.statusCode() + ": " + page.body());
            }
            JsonNode body = read(page.body());
            for (JsonNode comment : body.get("comments")) {
                if (stored.put(comment.get("id").asText(), comment.get("body").asText()) != null) {
                    throw new AssertionError("stored twice: " + comment.get("id").asText());
                }
            }
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);
        return stored;
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
