package dev.newsroom.comments.migration;

import static dev.newsroom.comments.migration.Imports.commentsOf;
import static dev.newsroom.comments.migration.Imports.imported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Other comment systems' test exports (Isso, Remark42, the WordPress importer), read from the
 * shared fixtures folder when it is there (-Dcomments.import-fixtures=…, default
 * ../shared/fixtures/import beside the project): they are others' files and are not copied in.
 * Skipped where the folder is absent.
 */
@QuarkusTest
class ThirdPartyFixturesTest {

    private static final Path FIXTURES = Path.of(System.getProperty("comments.import-fixtures", "../shared/fixtures/import"));

    private static String fixture(String name) throws Exception {
        Path file = FIXTURES.resolve(name);
        assumeTrue(Files.isReadable(file), "no " + file + ": skipped");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> byName(List<Map<String, Object>> comments, String name) {
        return comments.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void issosWordPressFileWxr10WithoutAVersion() throws Exception {
        JsonPath done = imported("wxr", fixture("isso-wordpress.xml"));
        assertEquals("done", done.getString("status"), done.prettify());
        List<Map<String, Object>> test = commentsOf("test");
        assertEquals(7, test.size(), test.toString());
        Map<String, Object> first = byName(test, "Ohai");
        assertEquals("test@example.org", first.get("email"), "trimmed");
        assertEquals("Erster!1", first.get("body"));
        assertEquals("2014-01-14T17:32:12Z", first.get("createdAt"));
        Map<String, Object> multiline = byName(test, "Multiline Author");
        assertEquals("When you have a comment with multiple lines:\nWordPress exports it like this.", multiline.get("body"));
        assertEquals("2022-06-06T02:13:14Z", multiline.get("createdAt"), "the GMT date, not the local one");
        String drölfter = test.stream().filter(c -> "Drölfter!".equals(c.get("body"))).findFirst().orElseThrow()
                .get("id").toString();
        assertTrue(test.stream().anyMatch(c -> drölfter.equals(c.get("parentId"))), "depth 2 kept");
        // The ?p=4 item has no slug and no wp:post_id: its link's number names it; its comment 11 repeats an id.
        assertTrue(done.getList("errors.message", String.class).stream().anyMatch(m -> m.contains("appears twice")),
                done.prettify());
        assertEquals(done.getLong("processed"), done.getLong("imported") + done.getLong("skipped"));
    }

    @Test
    void theWordPressImportersNotesAreLeftOut() throws Exception {
        JsonPath done = imported("wxr", fixture("wordpress-importer-wxr-with-note-comments.xml"));
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals(3, done.getLong("processed"));
        assertEquals(1, done.getLong("imported"));
        assertEquals(2, done.getLong("skipped"));
        assertEquals(1, commentsOf("page-with-notes-and-comments").size());
    }

    @Test
    void issosDisqusFile() throws Exception {
        JsonPath done = imported("disqus", fixture("isso-disqus.xml"));
        assertEquals("done", done.getString("status"), done.prettify());
        List<Map<String, Object>> some = commentsOf("some-id");
        Object peter = byName(some, "peter").get("id");
        List<Object> hellosParents = some.stream().filter(c -> "Hello, World.".equals(c.get("body")))
                .map(c -> c.get("parentId")).toList();
        // Post 5 replies to post 4; post 11 to the deleted post 9, so it is top-level.
        assertEquals(java.util.Arrays.asList(peter, null), hellosParents, some.toString());
        // A thread with an empty <id>: its link's path.
        assertEquals(1, commentsOf("blog:2013:02:12:redacted:index.html").size());
        assertTrue(done.getList("errors.message", String.class).stream().anyMatch(m -> m.contains("thread 1337")),
                done.prettify());
        assertEquals(done.getLong("processed"), done.getLong("imported") + done.getLong("skipped"));
    }

    @Test
    void remark42sBrokenDisqusFileFailsClearlyWithNothingHalfDone() throws Exception {
        JsonPath failed = imported("disqus", fixture("remark42-disqus.xml"));
        assertEquals("failed", failed.getString("status"), failed.prettify());
        assertEquals(0, failed.getLong("imported"));
        assertTrue(failed.getString("errors[0].at").startsWith("line 1, column "), failed.prettify());
        assertTrue(failed.getString("errors[0].message").startsWith("not well-formed XML: "), failed.prettify());
    }
}
