package dev.newsroom.comments.migration;

import static dev.newsroom.comments.migration.Imports.IMPORTS;
import static dev.newsroom.comments.migration.Imports.commentsOf;
import static dev.newsroom.comments.migration.Imports.finished;
import static dev.newsroom.comments.migration.Imports.imported;
import static dev.newsroom.comments.migration.Imports.start;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * API.md §8, importing: the mapping of a real WordPress 6 export and of a Disqus export, threads,
 * dates, text, emails, statuses; a second import of the same file; two at once; malformed items; a
 * file that is not well-formed; hostile XML; who may import; the body limit of the import route.
 */
@QuarkusTest
class ImportResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    private static String resource(String name) throws Exception {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> byName(List<Map<String, Object>> comments, String name) {
        return comments.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no comment by " + name + " in " + comments));
    }

    private static Map<String, Long> stats() {
        JsonPath stats = asAdmin().get("/api/v1/moderation/stats").then().statusCode(200).extract().jsonPath();
        return Map.of("pending", stats.getLong("pending"), "approved", stats.getLong("approved"),
                "rejected", stats.getLong("rejected"), "spam", stats.getLong("spam"));
    }

    @Test
    void aRealWordPress6ExportImportsAsItsCommentsWereAndOnlyOnce() throws Exception {
        Map<String, Long> before = stats();
        JsonPath done = imported("wxr", resource("wordpress-6.xml"));
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals("wxr", done.getString("format"));
        assertEquals(11, done.getLong("processed"));
        assertEquals(10, done.getLong("imported"));
        assertEquals(1, done.getLong("skipped")); // the pingback
        assertTrue(done.getList("errors").isEmpty(), done.prettify());

        List<Map<String, Object>> story = commentsOf("putin-kim");
        assertEquals(6, story.size(), story.toString());
        Map<String, Object> ana = byName(story, "Ana");
        assertEquals("approved", ana.get("status"));
        assertEquals("2024-06-19T10:15:00Z", ana.get("createdAt"));
        assertEquals("ana@example.com", ana.get("email"));
        assertEquals("https://ana.example", ana.get("website"));
        assertEquals("First paragraph.\n\nSecond paragraph with a link (https://example.org/report?a=1&b=2) & an ampersand.",
                ana.get("body"));
        assertNull(ana.get("parentId"));
        Map<String, Object> ben = byName(story, "Ben \"the reader\" O'Neil");
        assertEquals("Ben@Example.com", ben.get("email"));
        assertEquals("I disagree.\nLine two.", ben.get("body"));
        assertEquals(ana.get("id"), ben.get("parentId"));
        assertEquals(ben.get("id"), byName(story, "Cleo").get("parentId"));
        assertEquals("pending", byName(story, "Dan").get("status"));
        Map<String, Object> eve = byName(story, "Eve");
        assertEquals("rejected", eve.get("status")); // trash
        assertTrue(((String) eve.get("updatedAt")).compareTo("2025") > 0, "retention counts from the import");
        assertEquals(eve.get("id"), byName(story, "Fay").get("parentId"));
        assertTrue(story.stream().noneMatch(c -> "Other blog".equals(c.get("name"))), "pingbacks are left out");

        // A percent-encoded Cyrillic slug is not an article id: the post's number is.
        List<Map<String, Object>> russian = commentsOf("wp-5");
        assertEquals("Хорошая статья — спасибо!", byName(russian, "Гоша").get("body"));
        assertEquals("Quote: <b> is how you write <b>", byName(russian, "Ana").get("body"), "decoded once, not twice");
        assertEquals(1, commentsOf("about").size());

        // Readers see the published thread; authors' history counts what was imported.
        given().get("/api/v1/articles/putin-kim/comments").then().statusCode(200).body("total", equalTo(4))
                .body("comments[0].bodyHtml", containsString("href=\"https://example.org/report?a=1&amp;b=2\""));
        assertEquals(ana.get("authorId"), byName(russian, "Ana").get("authorId"), "one author, one email");
        assertEquals(1, ((Map<?, ?>) byName(russian, "Гоша").get("author")).get("approved"));
        Map<String, Long> after = stats();
        assertEquals(before.get("approved") + 8, after.get("approved"));
        assertEquals(before.get("pending") + 1, after.get("pending"));
        assertEquals(before.get("rejected") + 1, after.get("rejected"));

        // The event log: import.completed per article (with a published change) and for the whole import.
        List<Map<String, Object>> completed = asAdmin().queryParam("type", "import.completed").queryParam("limit", 200)
                .get("/api/v1/moderation/events").then().statusCode(200).extract().jsonPath().getList("events");
        assertTrue(completed.stream().anyMatch(e -> "putin-kim".equals(e.get("articleId"))
                && Integer.valueOf(4).equals(((Map<?, ?>) e.get("data")).get("published"))), completed.toString());
        assertTrue(completed.stream().anyMatch(e -> e.get("articleId") == null
                && done.getString("id").equals(((Map<?, ?>) e.get("data")).get("importId"))));
        assertTrue(publishedChanges().stream().anyMatch(c -> "putin-kim".equals(c.get("articleId"))
                && "updated".equals(c.get("change"))));

        JsonPath again = imported("wxr", resource("wordpress-6.xml"));
        assertEquals("done", again.getString("status"));
        assertEquals(11, again.getLong("processed"));
        assertEquals(0, again.getLong("imported"));
        assertEquals(11, again.getLong("skipped"));
        assertEquals(6, commentsOf("putin-kim").size());
        assertEquals(after, stats());
    }

    private static List<Map<String, Object>> publishedChanges() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String after = null;
        while (true) {
            var request = given().queryParam("limit", 200);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/v1/published-changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> changes = page.getList("changes");
            if (changes.isEmpty()) {
                return all;
            }
            all.addAll(changes);
            after = page.getString("lastId");
        }
    }

    @Test
    void theAnswerIs202WithWhereToFollowTheImport() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String file = Wxr.site(site).item("follow-" + UUID.randomUUID(), 1, site + "/a/").endItem().toString();
        asAdmin().contentType("application/xml").body(file).queryParam("format", "wxr").post(IMPORTS)
                .then().statusCode(202).body("status", equalTo("running"))
                .header("Location", containsString(IMPORTS + "/"));
        asAdmin().get(IMPORTS + "/{id}", UUID.randomUUID().toString()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void everyWxrVersionAndEveryStatusMaps() {
        for (String version : List.of("1.0", "1.1", "1.2")) {
            String site = "https://" + UUID.randomUUID() + ".example";
            String slug = "versions-" + UUID.randomUUID();
            JsonPath done = imported("wxr", Wxr.site(site, version).item(slug, 7, site + "/" + slug + "/")
                    .comment(1, 0, "1", "One", "one@example.com", "2020-01-02 03:04:05", "approved")
                    .comment(2, 0, "0", "Two", "two@example.com", "2020-01-02 03:04:06", "held")
                    .comment(3, 0, "spam", "Three", "three@example.com", "2020-01-02 03:04:07", "spam")
                    .comment(4, 0, "trash", "Four", "four@example.com", "2020-01-02 03:04:08", "binned")
                    .comment(5, 0, "1", "trackback", "Five", "", "2020-01-02 03:04:09", "tracked")
                    .comment(6, 0, "0", "note", "Six", "editor@example.com", "2020-01-02 03:04:10", "an editor's note")
                    .endItem().toString());
            assertEquals("done", done.getString("status"), version);
            assertEquals(6, done.getLong("processed"));
            assertEquals(4, done.getLong("imported"));
            List<Map<String, Object>> comments = commentsOf(slug);
            assertEquals(List.of("approved", "pending", "spam", "rejected"),
                    comments.stream().map(c -> c.get("status")).toList(), version);
            assertEquals("2020-01-02T03:04:05Z", comments.getFirst().get("createdAt"));
        }
    }

    @Test
    void articleIdsComeFromTheSlugThePostNumberOrTheLinkPath() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String slug = "slug-" + UUID.randomUUID().toString().substring(0, 8);
        long postId = System.nanoTime() % 1_000_000_000L;
        String file = Wxr.site(site).item(slug, postId, site + "/world/2024/" + slug + "/")
                .comment(1, 0, "1", "Ana", "ana@example.com", "2024-01-01 00:00:00", "Hello").endItem().toString();
        imported("wxr", file);
        assertEquals(1, commentsOf(slug).size());
        String byId = Wxr.site(site + "/by-id").item(slug, postId, site + "/world/2024/" + slug + "/")
                .comment(1, 0, "1", "Ana", "ana@example.com", "2024-01-01 00:00:00", "Hello").endItem().toString();
        Imports.finished(asAdmin().contentType("application/xml").body(byId).queryParam("format", "wxr")
                .queryParam("articleIdFrom", "id").post(IMPORTS).then().statusCode(202).extract().path("id"));
        assertEquals(1, commentsOf(String.valueOf(postId)).size());
        String byPath = Wxr.site(site + "/by-path").item(slug, postId, site + "/world/2024/" + slug + "/")
                .comment(1, 0, "1", "Ana", "ana@example.com", "2024-01-01 00:00:00", "Hello").endItem().toString();
        Imports.finished(asAdmin().contentType("application/xml").body(byPath).queryParam("format", "wxr")
                .queryParam("articleIdFrom", "link-path").post(IMPORTS).then().statusCode(202).extract().path("id"));
        assertEquals(1, commentsOf("world:2024:" + slug).size());
        asAdmin().contentType("application/xml").body(file).queryParam("format", "wxr")
                .queryParam("articleIdFrom", "title").post(IMPORTS).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("articleIdFrom"));
    }

    @Test
    void aReplyWhoseParentIsLeftOutIsTopLevelAndOneBeforeItsParentIsLinked() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String slug = "threads-" + UUID.randomUUID();
        JsonPath done = imported("wxr", Wxr.site(site).item(slug, 1, site + "/x/")
                .comment(10, 11, "1", "Early reply", "a@example.com", "2024-01-01 10:05:00", "before its parent")
                .comment(11, 0, "1", "Parent", "b@example.com", "2024-01-01 10:00:00", "the parent")
                .comment(12, 0, "1", "pingback", "Pinger", "", "2024-01-01 10:00:00", "ping")
                .comment(13, 12, "1", "Reply to a ping", "c@example.com", "2024-01-01 10:10:00", "orphan")
                .comment(14, 99, "1", "Reply to nothing", "d@example.com", "2024-01-01 10:11:00", "orphan too")
                .endItem().toString());
        assertEquals(4, done.getLong("imported"));
        List<Map<String, Object>> comments = commentsOf(slug);
        assertEquals(byName(comments, "Parent").get("id"), byName(comments, "Early reply").get("parentId"));
        assertNull(byName(comments, "Reply to a ping").get("parentId"));
        assertNull(byName(comments, "Reply to nothing").get("parentId"));
    }

    @Test
    void twoImportsOfOneFileAtOnceImportEachCommentOnce() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String slug = "twice-" + UUID.randomUUID();
        Wxr wxr = Wxr.site(site).item(slug, 1, site + "/x/");
        for (int i = 1; i <= 300; i++) {
            wxr.comment(i, i > 1 ? i - 1 : 0, "1", "Reader " + i, "reader" + (i % 7) + "@example.com",
                    "2024-01-01 10:00:00", "Comment number " + i);
        }
        String file = wxr.endItem().toString();
        // Both uploads are taken before either import has got far: they run side by side in the background.
        String first = start("wxr", file);
        String second = start("wxr", file);
        JsonPath one = finished(first);
        JsonPath two = finished(second);
        assertEquals("done", one.getString("status"), one.prettify());
        assertEquals("done", two.getString("status"), two.prettify());
        assertEquals(300, one.getLong("imported") + two.getLong("imported"));
        assertEquals(300, one.getLong("processed"));
        assertEquals(300, two.getLong("processed"));
        List<Map<String, Object>> comments = commentsOf(slug);
        assertEquals(300, comments.size());
        assertEquals(300, comments.stream().map(c -> c.get("body")).distinct().count());
    }

    @Test
    void aMalformedItemIsListedAndSkippedAndStopsNothingElse() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String slug = "malformed-" + UUID.randomUUID();
        JsonPath done = imported("wxr", Wxr.site(site).item(slug, 1, site + "/x/")
                .comment(1, 0, "1", "Fine", "fine@example.com", "2024-01-01 10:00:00", "fine")
                .comment(2, 0, "maybe", "Odd status", "odd@example.com", "2024-01-01 10:01:00", "odd")
                .comment(3, 0, "1", "No date", "nodate@example.com", "0000-00-00 00:00:00", "undated")
                .comment(4, 0, "1", "Empty", "empty@example.com", "2024-01-01 10:02:00", "<p> </p>")
                .comment(5, 0, "1", "Fine too", "fine@example.com", "2024-01-01 10:03:00", "fine too")
                .endItem().toString());
        assertEquals("done", done.getString("status"));
        assertEquals(5, done.getLong("processed"));
        assertEquals(2, done.getLong("imported"));
        assertEquals(3, done.getLong("skipped"));
        assertEquals(List.of("item " + slug + ", comment 2", "item " + slug + ", comment 3", "item " + slug + ", comment 4"),
                done.getList("errors.at"));
        assertThatNoErrorEchoesAnEmail(done);
        assertEquals(2, commentsOf(slug).size());
    }

    private static void assertThatNoErrorEchoesAnEmail(JsonPath progress) {
        assertTrue(progress.getList("errors.message", String.class).stream().noneMatch(m -> m.contains("@")),
                progress.prettify());
    }

    @Test
    void aFileThatIsNotWellFormedFailsWithWhereKeepingWhatCameBefore() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String slug = "broken-" + UUID.randomUUID();
        Wxr good = Wxr.site(site).item(slug, 1, site + "/x/");
        for (int i = 1; i <= 7; i++) {
            good.comment(i, 0, "1", "Reader " + i, "r" + i + "@example.com", "2024-01-01 10:00:0" + i, "text " + i);
        }
        String whole = good.endItem().toString();
        // Cut inside the eighth comment's worth of text: an unclosed element, then the end of the file.
        String broken = whole.substring(0, whole.indexOf("</channel>")) + "<item><title>unclosed</item>";
        JsonPath failed = imported("wxr", broken);
        assertEquals("failed", failed.getString("status"), failed.prettify());
        assertEquals(7, failed.getLong("imported"), "what was read before the error stays");
        String at = failed.getString("errors[-1].at");
        assertTrue(at.matches("line \\d+, column \\d+"), at);
        assertTrue(failed.getString("errors[-1].message").startsWith("not well-formed XML: "), failed.prettify());
        JsonPath repaired = imported("wxr", whole.replace("</channel>",
                "<item><link>" + site + "/y/</link><wp:post_id>2</wp:post_id><wp:post_name>" + slug
                        + "-2</wp:post_name><wp:comment><wp:comment_id>20</wp:comment_id><wp:comment_author>Late</wp:comment_author>"
                        + "<wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>late</wp:comment_content>"
                        + "<wp:comment_approved>1</wp:comment_approved></wp:comment></item></channel>"));
        assertEquals("done", repaired.getString("status"));
        assertEquals(1, repaired.getLong("imported"), "only the rest");
    }

    @Test
    void hostileXmlIsRefusedBeforeAnyEntityIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><wp:post_name>xxe</wp:post_name>"
                + "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>&xxe;</wp:comment_content>"
                + "<wp:comment_date_gmt>2024-01-01 00:00:00</wp:comment_date_gmt><wp:comment_approved>1</wp:comment_approved>"
                + "</wp:comment></item></channel></rss>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>");
        String externalDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                + "<rss><channel></channel></rss>";
        for (String hostile : List.of(xxe, laughs.toString(), externalDtd)) {
            JsonPath failed = imported("wxr", hostile);
            assertEquals("failed", failed.getString("status"), failed.prettify());
            assertEquals(0, failed.getLong("imported"));
            assertTrue(failed.getString("errors[0].message").contains("DOCTYPE"), failed.prettify());
            assertTrue(!failed.prettify().contains("root:"), "nothing of /etc/passwd");
        }
    }

    @Test
    void aDisqusExportMapsThreadsPostsAndStatuses() throws Exception {
        JsonPath done = imported("disqus", resource("disqus.xml"));
        assertEquals("done", done.getString("status"), done.prettify());
        assertEquals(7, done.getLong("processed"));
        assertEquals(5, done.getLong("imported"));
        assertEquals(List.of("post 9000000007"), done.getList("errors.at"));
        List<Map<String, Object>> story = commentsOf("disqus-story-1");
        assertEquals(4, story.size(), story.toString());
        Map<String, Object> first = byName(story, "Maria Keller");
        assertEquals("approved", first.get("status"));
        assertEquals("2019-03-04T09:10:11Z", first.get("createdAt"));
        assertEquals("maria@example.com", first.get("email"));
        assertEquals("Great piece.\n\nOne question: why (https://example.org/why)?", first.get("body"));
        Map<String, Object> anonymous = byName(story, "Guest reader");
        assertNull(anonymous.get("email"));
        assertEquals(first.get("id"), anonymous.get("parentId"));
        assertEquals("spam", byName(story, "Pill Seller").get("status"));
        assertEquals("pending", byName(story, "Tom Waits").get("status"));
        // The second thread has a URL as identifier: its link's path is the article.
        assertEquals(1, commentsOf("politics:2019:03:budget-vote").size());
    }

    @Test
    void aMalformedLineIsListedAndTheOthersImported() {
        String line = "{\"id\":\"01900000-0000-7000-8000-000000000001\",\"articleId\":\"jsonl-lines\",\"name\":\"Ana\","
                + "\"email\":\"ana@example.com\",\"body\":\"Fine\",\"status\":\"approved\",\"createdAt\":\"2024-06-19T08:15:00Z\"}";
        JsonPath done = imported("jsonl", "not json\n" + line + "\n{\"id\":\"nope\"}\n"
                + line.replace("0001", "0002").replace("approved", "maybe") + "\n");
        assertEquals(4, done.getLong("processed"));
        assertEquals(1, done.getLong("imported"));
        assertEquals(List.of("line 1", "line 3", "line 4"), done.getList("errors.at"));
        assertEquals("2024-06-19T08:15:00Z", commentsOf("jsonl-lines").getFirst().get("createdAt"));
    }

    @Test
    void theOpenApiDescriptionDocumentsImportsAndExports() {
        String openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v1/admin/imports", "/api/v1/admin/imports/{id}", "/api/v1/admin/exports")) {
            assertTrue(openapi.contains("\"" + path + "\""), path);
        }
        assertTrue(openapi.contains("COMMENTS_IMPORT_MAX_SIZE"));
    }

    @Test
    void onlyAdministratorsImportAndExport() {
        String username = "mod" + (System.nanoTime() % 1_000_000_000L);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "moderator-password", "role", "moderator"))
                .post("/api/v1/admin/moderators").then().statusCode(201);
        var moderator = given().auth().preemptive().basic(username, "moderator-password");
        moderator.contentType("application/xml").body("<rss/>").queryParam("format", "wxr").post(IMPORTS)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().preemptive().basic(username, "moderator-password").get(IMPORTS + "/x").then().statusCode(403);
        given().auth().preemptive().basic(username, "moderator-password").queryParam("format", "jsonl")
                .get("/api/v1/admin/exports").then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/xml").body("<rss/>").queryParam("format", "wxr").post(IMPORTS)
                .then().statusCode(401).header("WWW-Authenticate", not(equalTo(null)));
        given().queryParam("format", "jsonl").get("/api/v1/admin/exports").then().statusCode(401);
    }

    @Test
    void badRequestsAreProblemsAndNothingStarts() {
        asAdmin().contentType("application/xml").body("<rss/>").queryParam("format", "blogger").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("format"));
        asAdmin().contentType("application/xml").body("<rss/>").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM);
        asAdmin().contentType("application/xml").body(new byte[0]).queryParam("format", "wxr").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM);
        asAdmin().contentType("image/png").body(new byte[] { 1, 2, 3 }).queryParam("format", "wxr").post(IMPORTS)
                .then().statusCode(415);
        asAdmin().queryParam("format", "csv").get("/api/v1/admin/exports").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theImportRouteTakesFilesPastTheLimitOfOtherRequests() {
        String site = "https://" + UUID.randomUUID() + ".example";
        String slug = "large-" + UUID.randomUUID();
        Wxr wxr = Wxr.site(site).item(slug, 1, site + "/x/");
        for (int i = 1; i <= 400; i++) {
            wxr.comment(i, 0, "1", "Reader " + i, "reader@example.com", "2024-01-01 10:00:00", "x".repeat(400) + i);
        }
        String file = wxr.endItem().toString();
        assertTrue(file.length() > 128 * 1024);
        assertEquals(400, imported("wxr", file).getLong("imported"));
        // Other routes keep their 64 KiB.
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"" + "x".repeat(100_000) + "\"}")
                .post("/api/v1/moderation/tokens").then().statusCode(413);
    }

    @Test
    void aFileOverTheImportLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        // 2 GiB declared, nothing sent: refused from the Content-Length alone.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            String auth = java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORTS + "?format=wxr HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/xml\r\nContent-Length: 2147483648\r\n\r\n<rss>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("1024 MiB"), answer);
        }
    }

    /** The status line, headers and Content-Length body of one HTTP answer (the connection may stay open). */
    private static String readAnswer(InputStream in) throws java.io.IOException {
        StringBuilder answer = new StringBuilder();
        while (answer.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                return answer.toString();
            }
            answer.append((char) c);
        }
        var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
        if (length.find()) {
            answer.append(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8));
        }
        return answer.toString();
    }
}
