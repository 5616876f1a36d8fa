package dev.newsroom.comments.webhook;

import static dev.newsroom.comments.testing.Moderator.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The admin API of webhooks, as the tests call it. */
final class Webhooks {

    static final String WEBHOOKS = "/api/v1/admin/webhooks";
    static final String ONE = WEBHOOKS + "/{id}";
    static final String DELIVERIES = ONE + "/deliveries";

    private Webhooks() {
    }

    /** A registered webhook as its creation answered: id and secret. */
    record Registered(String id, String secret) {
    }

    static Registered register(String url, String... events) {
        JsonPath created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events), "description", "test receiver"))
                .post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
        return new Registered(created.getString("id"), created.getString("secret"));
    }

    /** Deletes every webhook, so no test's endpoints outlive it. */
    static void deleteAll() {
        List<String> ids = asAdmin().get(WEBHOOKS).then().statusCode(200).extract().jsonPath().getList("webhooks.id");
        ids.forEach(id -> asAdmin().delete(ONE, id).then().statusCode(204));
    }

    /** The newest deliveries of a webhook. */
    static List<Map<String, Object>> deliveries(String id) {
        return asAdmin().queryParam("limit", 200).get(DELIVERIES, id).then().statusCode(200).extract().jsonPath()
                .getList("deliveries");
    }

    /** The webhook's delivery of an event once it satisfies {@code condition}, waiting up to {@code timeout}. */
    static Map<String, Object> awaitDelivery(String id, String eventId, Predicate<Map<String, Object>> condition,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            last = deliveries(id).stream().filter(d -> eventId.equals(d.get("eventId"))).findFirst().orElse(null);
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("delivery of event " + eventId + " to " + id + " is " + last);
    }
}
