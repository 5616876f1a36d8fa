package dev.newsroom.comments.event;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API.md §6: every change appends its event; the log pages in commit order; the change feed. */
@QuarkusTest
class EventLogTest {

    static final String EVENTS = "/api/v1/moderation/events";
    private static final String ONE = "/api/v1/moderation/comments/{id}";

    /** The newest event id now (events are positioned within a moment of their commit). */
    static String newestId() {
        String last = null;
        String after = "";
        while (true) {
            JsonPath page = asAdmin().queryParam("after", after).queryParam("limit", 200).get(EVENTS).then()
                    .statusCode(200).extract().jsonPath();
            if (page.getList("events").isEmpty()) {
                return last == null ? "0" : last;
            }
            last = page.getString("lastId");
            after = last;
        }
    }

    /** The events after {@code after}, waiting up to 10 s for at least {@code count} of them. */
    static List<Map<String, Object>> eventsAfter(String after, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Map<String, Object>> events;
        do {
            events = asAdmin().queryParam("after", after).queryParam("limit", 200).get(EVENTS).then().statusCode(200)
                    .extract().jsonPath().getList("events");
            if (events.size() >= count) {
                return events;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + count + " events, got " + events);
    }

    private static List<String> types(List<Map<String, Object>> events) {
        return events.stream().map(event -> (String) event.get("type")).toList();
    }

    @Test
    void aCommentsLifeIsInTheLogInOrderWithoutItsEmail() throws InterruptedException {
        String before = newestId();
        String article = Comments.freshArticle();
        Comments author = aComment().onArticle(article).withEmail("events.secret@example.com");
        String id = author.pending();
        Map<String, Object> item = new HashMap<>(asAdmin().get(ONE, id).then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        asAdmin().post(ONE + "/approve", id).then().statusCode(200);
        asAdmin().post(ONE + "/feature", id).then().statusCode(200);
        asAdmin().post(ONE + "/reject", id).then().statusCode(200);

        List<Map<String, Object>> events = eventsAfter(before, 4).stream()
                .filter(event -> id.equals(event.get("commentId"))).toList();
        assertEquals(List.of("comment.submitted", "comment.approved", "comment.featured", "comment.rejected"),
                types(events));
        Map<String, Object> submitted = events.getFirst();
        assertEquals(article, submitted.get("articleId"));
        assertEquals(null, submitted.get("actor"), "a reader");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) submitted.get("data");
        assertEquals("pending", data.get("status"));
        assertEquals("A thoughtful comment.", data.get("body"));
        assertFalse(data.containsKey("email"));
        item.remove("email");
        assertEquals(item, data, "the moderator item as it stood, author's id and counts included, but the email");
        assertEquals("admin", events.get(1).get("actor"));
        List<Long> ids = events.stream().map(event -> Long.parseLong((String) event.get("id"))).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "ids increase");

        String log = asAdmin().queryParam("after", before).get(EVENTS).then().extract().asString();
        assertFalse(log.contains("events.secret@example.com"), "no event holds an email");
    }

    @Test
    void anEditOrADeletionTakesTheOldTextOutOfEarlierEvents() throws InterruptedException {
        String before = newestId();
        String edited = aComment().saying("The original words").approved();
        asAdmin().contentType(ContentType.JSON).body(Map.of("body", "Redacted")).patch(ONE, edited).then().statusCode(200);
        String deleted = aComment().saying("Words to delete").pending();
        asAdmin().delete(ONE, deleted).then().statusCode(204);

        eventsAfter(before, 5);
        String log = asAdmin().queryParam("after", before).queryParam("limit", 200).get(EVENTS).then().extract().asString();
        assertFalse(log.contains("The original words"), log);
        assertFalse(log.contains("Words to delete"), log);
        assertTrue(log.contains("comment.edited") && log.contains("comment.deleted"));
    }

    @Test
    void articlesStandingsSettingsAndErasuresAreEventsToo() throws InterruptedException {
        String before = newestId();
        String article = Comments.freshArticle();
        asAdmin().post("/api/v1/moderation/articles/{a}/close", article).then().statusCode(200);
        asAdmin().post("/api/v1/moderation/articles/{a}/open", article).then().statusCode(200);
        Comments author = aComment().onArticle(article);
        String id = author.pending();
        String authorId = asAdmin().get(ONE, id).then().extract().path("authorId");
        asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "premoderated"))
                .put("/api/v1/moderation/authors/{a}/standing", authorId).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 7)).put("/api/v1/admin/settings")
                .then().statusCode(200);
        asAdmin().delete("/api/v1/admin/settings/reportsToHold").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("email", author.email())).post("/api/v1/admin/privacy/erase")
                .then().statusCode(200);

        List<String> types = types(eventsAfter(before, 7));
        for (String type : List.of("article.closed", "article.opened", "author.standing-changed", "settings.changed",
                "privacy.erased")) {
            assertTrue(types.contains(type), type + " in " + types);
        }
        String log = asAdmin().queryParam("after", before).queryParam("limit", 200).get(EVENTS).then().extract().asString();
        assertFalse(log.contains(author.email()));
        asAdmin().queryParam("after", before).queryParam("type", "privacy.erased").get(EVENTS).then()
                .body("events[0].data.comments", equalTo(1)).body("events[0].articleId", equalTo(article));
        // After the erasure the comment's events no longer lead to its author.
        asAdmin().queryParam("after", before).queryParam("type", "comment.submitted").get(EVENTS).then()
                .body("events.find { it.commentId == '" + id + "' }.data.authorId", nullValue())
                .body("events.find { it.commentId == '" + id + "' }.data.name", equalTo("Anonymous"));
    }

    @Test
    void pagesFollowLastIdAndTypeNarrowsThem() throws InterruptedException {
        String before = newestId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(aComment().pending());
        }
        eventsAfter(before, 3);
        JsonPath first = asAdmin().queryParam("after", before).queryParam("limit", 2)
                .queryParam("type", "comment.submitted").get(EVENTS).then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("events").size());
        JsonPath second = asAdmin().queryParam("after", first.getString("lastId")).queryParam("limit", 2)
                .queryParam("type", "comment.submitted").get(EVENTS).then().statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("events.commentId"));
        seen.addAll(second.getList("events.commentId"));
        assertTrue(seen.containsAll(ids), seen + " has " + ids);

        String newest = newestId();
        asAdmin().queryParam("after", newest).get(EVENTS).then().body("events.size()", equalTo(0))
                .body("lastId", equalTo(newest));
        asAdmin().queryParam("after", "-1").get(EVENTS).then().statusCode(400).body("violations.field", hasItem("after"));
        asAdmin().queryParam("after", "abc").get(EVENTS).then().statusCode(400);
        asAdmin().queryParam("type", "comment.liked").get(EVENTS).then().statusCode(400)
                .body("violations.field", hasItem("type"));
        given().get(EVENTS).then().statusCode(401);
    }

    @Test
    void theChangeFeedSaysWhatReadersPagesGainedAndLostWithNothingPrivate() throws InterruptedException {
        String before = newestId();
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).withEmail("feed.secret@example.com").approved();
        asAdmin().post(ONE + "/feature", id).then().statusCode(200);
        asAdmin().post(ONE + "/spam", id).then().statusCode(200);
        eventsAfter(before, 4);

        var feed = given().queryParam("after", before).get("/api/v1/published-changes").then().statusCode(200)
                .header("Cache-Control", notNullValue()).header("ETag", notNullValue()).extract();
        List<Map<String, Object>> changes = feed.jsonPath().<Map<String, Object>>getList("changes").stream()
                .filter(change -> id.equals(change.get("commentId"))).toList();
        assertEquals(List.of("published", "updated", "unpublished"),
                changes.stream().map(change -> change.get("change")).toList());
        assertEquals(article, changes.getFirst().get("articleId"));
        assertFalse(feed.asString().contains("feed.secret"));
        assertFalse(feed.asString().contains("A thoughtful comment"), "ids only, no text");
        given().queryParam("after", before).header("If-None-Match", feed.header("ETag"))
                .get("/api/v1/published-changes").then().statusCode(304);
        given().queryParam("after", "x").get("/api/v1/published-changes").then().statusCode(400);
    }
}
