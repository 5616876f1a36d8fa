package dev.newsroom.comments.migration;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Starting imports and waiting for them, as an administrator would with curl. */
final class Imports {

    static final String IMPORTS = "/api/v1/admin/imports";
    static final String XML = "application/xml";
    static final String JSON_LINES = "application/x-ndjson";

    private Imports() {
    }

    /** POSTs the file; answers the import's id (202 expected). */
    static String start(String format, String file) {
        return start(format, file, format.equals("jsonl") ? JSON_LINES : XML);
    }

    static String start(String format, String file, String contentType) {
        return asAdmin().contentType(contentType).body(file.getBytes(StandardCharsets.UTF_8))
                .queryParam("format", format).post(IMPORTS)
                .then().statusCode(202).extract().path("id");
    }

    /** The import's progress once it is no longer running (a few seconds at most here). */
    static JsonPath finished(String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath progress = asAdmin().get(IMPORTS + "/{id}", id).then().statusCode(200).extract().jsonPath();
            if (!progress.getString("status").equals("running")) {
                return progress;
            }
            try {
                Thread.sleep(50); // the import runs in the background: there is nothing to wait on but its state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("import " + id + " still running after a minute");
    }

    /** Imports the file and answers its finished progress. */
    static JsonPath imported(String format, String file) {
        return finished(start(format, file));
    }

    /** Every comment of an article as moderators see them, any status, oldest first. */
    static List<Map<String, Object>> commentsOf(String articleId) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (String status : List.of("pending", "approved", "rejected", "spam")) {
            String cursor = null;
            do {
                var request = asAdmin().queryParam("status", status).queryParam("articleId", articleId)
                        .queryParam("limit", 200);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/moderation/comments").then().statusCode(200).extract().jsonPath();
                all.addAll(page.getList("comments"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
        }
        all.sort(java.util.Comparator.comparing((Map<String, Object> c) -> (String) c.get("createdAt"))
                .thenComparing(c -> (String) c.get("id")));
        return all;
    }
}
