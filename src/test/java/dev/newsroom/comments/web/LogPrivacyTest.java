package dev.newsroom.comments.web;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record (at every level, with stack traces) while readers, moderators and
 * attackers use the service, and checks that no email or password reaches the log.
 */
@QuarkusTest
class LogPrivacyTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getLoggerName()).append(' ').append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noEmailPasswordTokenAddressOrAuthorIdIsEverLogged() {
        String article = Comments.freshArticle();
        Comments accepted = aComment().onArticle(article).withEmail("first.secret@example.com");
        String id = accepted.pending();
        aComment().onArticle(article).withEmail("second.secret@example.com").with("homepage", "bot").pending();
        aComment().onArticle(article).withEmail("third.secret@example.com").by("").post().statusCode(400);
        aComment().onArticle(article).withEmail("fourth secret@example.com").post().statusCode(400);
        Captchas.Solved captcha = Captchas.fresh();
        aComment().onArticle(article).withEmail("fifth.secret@example.com")
                .answering(captcha, captcha.wrongAnswer()).post()
                .statusCode(400);
        given().contentType(ContentType.JSON).body("{\"email\": \"sixth.secret@example.com\", \"name\": 5}")
                .post("/api/v1/articles/{a}/comments", article).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"email\": \"seventh.secret@example.com\" oops")
                .post("/api/v1/articles/{a}/comments", article).then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"email\": \"eighth.secret@example.com\", \"email\": \"ninth.secret@example.com\"}")
                .post("/api/v1/articles/{a}/comments", article).then().statusCode(400);
        asAdmin().get("/api/v1/moderation/comments?articleId=" + article).then().statusCode(200);
        asAdmin().post("/api/v1/moderation/comments/{id}/approve", id).then().statusCode(200);
        given().auth().preemptive().basic("admin", "a-wrong-password-guess").get("/api/v1/moderation/stats")
                .then().statusCode(401);
        String token = asAdmin().contentType(ContentType.JSON).body(java.util.Map.of("name", "log-check"))
                .post("/api/v1/moderation/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/v1/moderation/stats").then().statusCode(200);
        given().header("Authorization", "Bearer " + token + "x").get("/api/v1/moderation/stats").then().statusCode(401);
        String authorId = asAdmin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200)
                .extract().path("authorId");
        asAdmin().get("/api/v1/moderation/authors/{authorId}", authorId).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(java.util.Map.of("standing", "banned", "note", "log check"))
                .put("/api/v1/moderation/authors/{authorId}/standing", authorId).then().statusCode(200);
        given().contentType(ContentType.JSON).body(java.util.Map.of("reason", "offensive"))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(202);
        given().contentType(ContentType.JSON).body(java.util.Map.of("reason", "first.secret@example.com"))
                .post("/api/v1/comments/{id}/reports", id).then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(java.util.Map.of("filter", java.util.Map.of("status", "pending",
                "authorId", authorId), "action", "reject")).post("/api/v1/moderation/comments/bulk-by-filter")
                .then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(java.util.Map.of("email", "first.secret@example.com"))
                .post("/api/v1/admin/privacy/export").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(java.util.Map.of("email", "first.secret@example.com"))
                .post("/api/v1/admin/privacy/erase").then().statusCode(200);

        Logger.getLogger("dev.newsroom.comments").info("capture-sentinel");
        assertTrue(lines.stream().anyMatch(line -> line.contains("capture-sentinel")), "the capture sees the log");
        for (String line : lines) {
            assertFalse(line.contains("secret@example.com") || line.contains("secret@example"), line);
            assertFalse(line.contains("test-admin-password") || line.contains("a-wrong-password-guess"), line);
            assertFalse(line.contains(token.substring(4, 24)), "no API token: " + line);
            assertFalse(line.contains("127.0.0.1") || line.contains("0:0:0:0:0:0:0:1"), "no client address: " + line);
            assertFalse(line.contains(authorId), "no author id: " + line);
        }
        assertTrue(lines.stream().noneMatch(line -> line.contains("@example.com")), String.join("\n", lines));
    }
}
