package dev.newsroom.comments.migration;

import static dev.newsroom.comments.migration.Imports.commentsOf;
import static dev.newsroom.comments.migration.Imports.imported;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md §8, export: every comment a line, moderator view with email, audited; and a round trip.
 * The database of its own is filled by imports and moderators' work, exported, emptied (as a
 * new service's is) and given the export back: the second export must equal the first, line for
 * line: ids, articles, threads, names, emails, statuses, reasons, dates, decisions, picks, edits,
 * and the authors' counts derived from them.
 */
@QuarkusTest
@TestProfile(ExportRoundTripTest.OwnDatabase.class)
class ExportRoundTripTest {

    /** A database no other test writes to, since this one empties it. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return TestDatabase.isolated("export-round-trip");
        }
    }

    @Inject
    EntityManager entityManager;

    private static String export() {
        return asAdmin().queryParam("format", "jsonl").get("/api/v1/admin/exports").then().statusCode(200)
                .contentType("application/x-ndjson").header("Cache-Control", "no-store").extract().asString();
    }

    @Test
    void anExportImportedIntoAnEmptyServiceGivesBackTheSameComments() {
        String site = "https://round-trip.example";
        JsonPath seeded = imported("wxr", Wxr.site(site).item("round-trip", 1, site + "/round-trip/")
                .comment(1, 0, "1", "Ana", "ana@example.com", "2024-01-01 10:00:00", "<p>Top</p><p>level</p>")
                .comment(2, 1, "1", "Ben", "Ben@Example.com", "2024-01-01 10:05:00", "A reply")
                .comment(3, 2, "1", "Cleo", "cleo@example.com", "2024-01-01 10:10:00", "A reply to a reply")
                .comment(4, 0, "0", "Dan", "dan@example.com", "2024-01-01 10:15:00", "Pending")
                .comment(5, 0, "spam", "Spammer", "spam@example.net", "2024-01-01 10:20:00", "Spam")
                .comment(6, 0, "trash", "Eve", "eve@example.com", "2024-01-01 10:25:00", "Binned")
                .endItem().toString());
        assertEquals(6, seeded.getLong("imported"));
        assertEquals(1, imported("disqus", DISQUS_ANONYMOUS).getLong("imported"));
        List<Map<String, Object>> comments = commentsOf("round-trip");
        String ana = (String) comments.get(0).get("id");
        String ben = (String) comments.get(1).get("id");
        String dan = (String) comments.get(3).get("id");
        asAdmin().post("/api/v1/moderation/comments/{id}/feature", ana).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("body", "A reply, redacted")).patch("/api/v1/moderation/comments/{id}", ben)
                .then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "off-topic", "note", "not about the story"))
                .post("/api/v1/moderation/comments/{id}/reject", dan).then().statusCode(200);

        String before = export();
        List<String> lines = before.lines().toList();
        assertEquals(7, lines.size(), before);
        assertTrue(before.contains("\"email\":\"Ben@Example.com\""), "moderator view, with the email");
        assertTrue(before.contains("\"email\":null"), "Disqus's anonymous comment has none");
        JsonPath audit = asAdmin().get("/api/v1/moderation/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("export", audit.getString("entries[0].action"));
        assertEquals("admin", audit.getString("entries[0].moderator"));

        emptyTheDatabase();
        assertEquals("", export());

        JsonPath restored = imported("jsonl", before);
        assertEquals("done", restored.getString("status"), restored.prettify());
        assertEquals(7, restored.getLong("imported"));
        String after = export();
        assertEquals(before, after);
        Map<String, Object> featured = commentsOf("round-trip").getFirst();
        assertEquals(true, featured.get("featured"));
        assertNotNull(commentsOf("round-trip").get(1).get("editedAt"));
        assertNull(commentsOf("round-trip").getFirst().get("parentId"));

        JsonPath again = imported("jsonl", before);
        assertEquals(0, again.getLong("imported"));
        assertEquals(7, again.getLong("skipped"));
        assertEquals(before, export());
    }

    /** What a new service's database holds of comments: nothing (other tables do not concern an export). */
    private void emptyTheDatabase() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String statement : List.of("delete from import_record", "delete from report",
                    "update comment set parent_id = null", "delete from comment", "delete from author",
                    "update status_tally set comments = 0")) {
                entityManager.createNativeQuery(statement).executeUpdate();
            }
        });
    }

    private static final String DISQUS_ANONYMOUS = """
            <?xml version="1.0" encoding="utf-8"?>
            <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
              <thread dsq:id="1"><id>round-trip</id><link>https://round-trip.example/round-trip/</link></thread>
              <post dsq:id="77">
                <message><![CDATA[<p>Anonymous &amp; proud</p>]]></message>
                <createdAt>2024-01-01T11:00:00Z</createdAt>
                <isDeleted>false</isDeleted><isSpam>false</isSpam>
                <author><name>Guest</name><isAnonymous>true</isAnonymous></author>
                <thread dsq:id="1" />
              </post>
            </disqus>
            """;
}
