package dev.newsroom.comments.webhook;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static dev.newsroom.comments.webhook.Webhooks.ONE;
import static dev.newsroom.comments.webhook.Webhooks.WEBHOOKS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API.md §6, webhooks registered: with the default (safe) settings, so https only and no address
 * inside. The public URLs here are IP literals (no name to resolve) subscribed to import.completed,
 * which nothing here causes: nothing is ever sent to them.
 */
@QuarkusTest
class WebhookRegistrationTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PUBLIC_URL = "https://93.184.215.14/hooks/comments?token=receivers-own-token";
    private static final String AUDIT = "/api/v1/moderation/audit";

    @AfterEach
    void deleteTheWebhooks() {
        Webhooks.deleteAll();
    }

    private static Map<String, Object> body(Object url, Object events, Object description) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", description);
        return body;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://hooks.example.com/comments | must use https",
            "https://127.0.0.1/ | must not point to a loopback address",
            "https://127.1.2.3:8443/hook | must not point to a loopback address",
            "https://[::1]/ | must not point to a loopback address",
            "https://localhost/ | must not point to a loopback address",
            "https://[::ffff:127.0.0.1]/ | must not point to a loopback address",
            "https://10.0.0.1/ | must not point to a private network address",
            "https://172.16.5.4/ | must not point to a private network address",
            "https://192.168.1.10/ | must not point to a private network address",
            "https://100.64.0.1/ | must not point to a private network address",
            "https://[fd00::1]/ | must not point to a private network address",
            "https://[::ffff:10.0.0.1]/ | must not point to a private network address",
            "https://169.254.169.254/latest/meta-data/ | must not point to a link-local address",
            "https://[fe80::1]/ | must not point to a link-local address",
            "https://[::ffff:169.254.169.254]/ | must not point to a link-local address",
            "https://224.0.0.251/ | must not point to a multicast address",
            "https://[ff02::1]/ | must not point to a multicast address",
            "https://0.0.0.0/ | must not point to an unspecified address",
            "https://[::]/ | must not point to an unspecified address",
            "https://255.255.255.255/ | must not point to a reserved address",
            "not a url | must be an absolute https URL",
            "hooks.example.com/comments | must be an absolute https URL",
            "https://user:password@93.184.215.14/ | must not contain credentials" })
    void refusesUrlsThatCouldReachInside(String url, String reason) {
        asAdmin().contentType(ContentType.JSON).body(body(url, List.of("*"), null)).post(WEBHOOKS).then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("url"))
                .body("violations.message", contains(reason))
                .body(not(containsString(url)));
        asAdmin().get(WEBHOOKS).then().body("webhooks", empty());
    }

    @Test
    void registersAPublicHttpsUrlAndShowsItsSecretOnce() {
        Response answer = asAdmin().contentType(ContentType.JSON)
                .body(body(PUBLIC_URL, List.of("import.completed", "comment.approved", "import.completed"),
                        "  The newsroom bot  "))
                .post(WEBHOOKS).then().statusCode(201).contentType(ContentType.JSON).extract().response();
        JsonPath created = answer.jsonPath();
        String id = created.getString("id");
        assertTrue(answer.header("Location").endsWith("/api/v1/admin/webhooks/" + id), answer.header("Location"));
        String secret = created.getString("secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(PUBLIC_URL, created.getString("url"));
        assertEquals(List.of("import.completed", "comment.approved"), created.getList("events"), "each type once");
        assertEquals("The newsroom bot", created.getString("description"));
        assertTrue(created.getString("createdAt").endsWith("Z"));

        String one = asAdmin().get(ONE, id).then().statusCode(200).body("id", equalTo(id))
                .body("url", equalTo(PUBLIC_URL)).body("createdBy", equalTo("admin"))
                .body("previousSecretUntil", nullValue()).extract().asString();
        String list = asAdmin().get(WEBHOOKS).then().statusCode(200).body("webhooks.id", contains(id)).extract()
                .asString();
        for (String shown : List.of(one, list)) {
            assertFalse(shown.contains(secret.substring(6)), "the secret is shown once");
            assertFalse(shown.contains("\"secret\""), shown);
        }
        asAdmin().get(Webhooks.DELIVERIES, id).then().statusCode(200).body("deliveries", empty())
                .body("nextCursor", nullValue());
    }

    @Test
    void everyChangeIsAuditedWithoutTheUrlsPathOrTheSecret() {
        Map<String, Object> created = asAdmin().contentType(ContentType.JSON)
                .body(body(PUBLIC_URL, List.of("import.completed"), null)).post(WEBHOOKS).then().statusCode(201)
                .extract().jsonPath().getMap("$");
        String id = (String) created.get("id");
        String rotated = asAdmin().post(ONE + "/rotate-secret", id).then().statusCode(200)
                .body("previousSecretUntil", notNullValue()).extract().path("secret");
        assertNotEquals(created.get("secret"), rotated);
        asAdmin().get(ONE, id).then().body("previousSecretUntil", notNullValue());
        asAdmin().delete(ONE, id).then().statusCode(204);

        JsonPath audit = asAdmin().queryParam("limit", 3).get(AUDIT).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("webhook", "webhook", "webhook"), audit.getList("entries.action"));
        assertEquals(List.of("deleted", "secret-rotated", "created"), audit.getList("entries.reason"));
        assertEquals(List.of("admin", "admin", "admin"), audit.getList("entries.moderator"));
        assertTrue(audit.getList("entries.note").stream().allMatch((id + " https://93.184.215.14")::equals),
                audit.getList("entries.note").toString());
        String text = asAdmin().queryParam("limit", 3).get(AUDIT).then().extract().asString();
        assertFalse(text.contains("receivers-own-token"), "never the URL's query or path");
        assertFalse(text.contains(((String) created.get("secret")).substring(6)));
        assertFalse(text.contains(rotated.substring(6)));

        asAdmin().get(ONE, id).then().statusCode(404).contentType(PROBLEM).body("title", equalTo("Webhook not found"));
        asAdmin().delete(ONE, id).then().statusCode(404).contentType(PROBLEM);
        asAdmin().post(ONE + "/rotate-secret", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void refusesEventsAndDescriptionsOutsideTheRules() {
        Map<List<?>, String> refused = Map.of(
                List.of(), "must list event types, or be [\"*\"]",
                List.of("comment.unknown"), "must list event types of API.md §6 (e.g. comment.submitted)",
                List.of("*", "comment.submitted"), "must be [\"*\"] alone, or list event types");
        refused.forEach((events, message) -> asAdmin().contentType(ContentType.JSON)
                .body(body(PUBLIC_URL, events, null)).post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("events")).body("violations.message", contains(message)));
        asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL, null, null)).post(WEBHOOKS).then()
                .statusCode(400).body("violations.field", contains("events"));
        asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL, List.of("*"), "x".repeat(501))).post(WEBHOOKS)
                .then().statusCode(400).body("violations.field", contains("description"))
                .body("violations.message", contains("must be at most 500 characters"));
        asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL, List.of("*"), "bell\u0007")).post(WEBHOOKS)
                .then().statusCode(400).body("violations.field", contains("description"));
        asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL, List.of("import.completed"), "x".repeat(500)))
                .post(WEBHOOKS).then().statusCode(201);
        // Every field at fault at once.
        asAdmin().contentType(ContentType.JSON).body(body(null, List.of("nope"), null)).post(WEBHOOKS).then()
                .statusCode(400).body("violations.field", containsInAnyOrder("url", "events"))
                .body("violations.find { it.field == 'url' }.message", equalTo("is required"));
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + "https://93.184.215.14/" + "a".repeat(2000)
                + "\", \"events\": [\"*\"]}").post(WEBHOOKS).then().statusCode(400)
                .body("violations.message", contains("must be at most 2000 characters"));
        asAdmin().contentType(ContentType.JSON).post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM);
        asAdmin().contentType(ContentType.JSON).body("{\"url\": \"" + PUBLIC_URL + "\", \"events\": \"*\"}")
                .post(WEBHOOKS).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void atMost50WebhooksAreRegisteredEvenWhenRegistrationsRace() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 49; i++) {
            ids.add(asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL + i, List.of("import.completed"), null))
                    .post(WEBHOOKS).then().statusCode(201).extract().path("id"));
        }
        // Six at once for the last place: one gets it.
        ExecutorService racers = Executors.newFixedThreadPool(6);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String url = PUBLIC_URL + "race" + i;
            statuses.add(racers.submit(() -> asAdmin().contentType(ContentType.JSON)
                    .body(body(url, List.of("import.completed"), null)).post(WEBHOOKS).statusCode()));
        }
        racers.shutdown();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, answered.stream().filter(status -> status == 201).count(), answered.toString());
        assertEquals(5, answered.stream().filter(status -> status == 409).count(), answered.toString());
        asAdmin().get(WEBHOOKS).then().body("webhooks.size()", equalTo(50));
        ids.add(asAdmin().get(WEBHOOKS).then().extract().jsonPath().getString("webhooks.find { it.url.contains('race') }.id"));
        asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL, List.of("import.completed"), null))
                .post(WEBHOOKS).then().statusCode(409).contentType(PROBLEM).body("title", equalTo("Too many webhooks"));
        asAdmin().delete(ONE, ids.getFirst()).then().statusCode(204);
        asAdmin().contentType(ContentType.JSON).body(body(PUBLIC_URL, List.of("import.completed"), null))
                .post(WEBHOOKS).then().statusCode(201);
        asAdmin().get(WEBHOOKS).then().body("webhooks.size()", equalTo(50));
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        String username = "mod" + (System.nanoTime() % 1_000_000_000L);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "moderator-password", "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        given().auth().preemptive().basic(username, "moderator-password").get(WEBHOOKS).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().preemptive().basic(username, "moderator-password").contentType(ContentType.JSON)
                .body(body(PUBLIC_URL, List.of("*"), null)).post(WEBHOOKS).then().statusCode(403);
        given().get(WEBHOOKS).then().statusCode(401);
        given().post(ONE + "/test", UUID.randomUUID().toString()).then().statusCode(401);
    }

    @Test
    void theOpenApiDescriptionDocumentsEveryOperation() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        for (String path : List.of("/api/v1/admin/webhooks", "/api/v1/admin/webhooks/{id}",
                "/api/v1/admin/webhooks/{id}/rotate-secret", "/api/v1/admin/webhooks/{id}/test",
                "/api/v1/admin/webhooks/{id}/deliveries")) {
            assertTrue(openapi.contains("\"" + path + "\""), path);
        }
        JsonPath spec = JsonPath.from(openapi);
        assertEquals(List.of("201", "400", "401", "403", "409", "431", "503"), sortedKeys(spec
                .getMap("paths.'/api/v1/admin/webhooks'.post.responses")));
        assertTrue(spec.getMap("components.schemas.WebhookDelivery.properties").keySet()
                .containsAll(List.of("eventId", "type", "status", "attempts", "lastStatusCode", "lastError",
                        "nextAttemptAt", "deliveredAt")));
        assertFalse(spec.getMap("components.schemas.Webhook.properties").containsKey("secret"));
    }

    private static List<String> sortedKeys(Map<String, ?> map) {
        return map.keySet().stream().sorted().toList();
    }
}
