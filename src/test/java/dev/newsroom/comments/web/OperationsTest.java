package dev.newsroom.comments.web;

import static dev.newsroom.comments.testing.Comments.aComment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** API.md §4: health, metrics and the API description. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthProbesAnswerAndReadinessChecksTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void metricsCountCommentsAndCaptchaFailures() {
        aComment().pending();
        Captchas.Solved captcha = Captchas.fresh();
        aComment().answering(captcha, captcha.wrongAnswer()).post()
                .statusCode(400);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("comments_received_total"))
                .body(containsString("comments_pending_total"))
                .body(containsString("comments_approved_total"))
                .body(containsString("comments_rejected_total"))
                .body(containsString("comments_spam_total"))
                .body(containsString("captcha_failures_total{reason=\"wrong\"}"))
                .body(containsString("captcha_failures_total{reason=\"already_used\"}"))
                .body(containsString("comments_submissions_seconds_count"));
    }

    @Test
    void readersListsAreCountedByWhereTheAnswerCameFrom() {
        String article = Comments.freshArticle();
        given().when().get("/api/v1/articles/{articleId}/comments", article).then().statusCode(200);
        double database = metric("comments_reads_total{source=\"database\"}");
        double memory = metric("comments_reads_total{source=\"memory\"}");

        given().when().get("/api/v1/articles/{articleId}/comments", article).then().statusCode(200);

        assertEquals(database, metric("comments_reads_total{source=\"database\"}"));
        assertEquals(memory + 1, metric("comments_reads_total{source=\"memory\"}"));
    }

    private static double metric(String series) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " ")).mapToDouble(line -> Double.parseDouble(line.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in /q/metrics"));
    }

    @Test
    void theOpenApiDescriptionCoversEveryEndpoint() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/captcha"))
                .body("paths", hasKey("/api/v1/articles/{articleId}/comments"))
                .body("paths", hasKey("/api/v1/comment-counts"))
                .body("paths", hasKey("/api/v1/moderation/comments"))
                .body("paths", hasKey("/api/v1/moderation/comments/{id}"))
                .body("paths", hasKey("/api/v1/moderation/comments/{id}/approve"))
                .body("paths", hasKey("/api/v1/moderation/comments/{id}/reject"))
                .body("paths", hasKey("/api/v1/moderation/comments/{id}/spam"))
                .body("paths", hasKey("/api/v1/moderation/stats"))
                .body("paths", hasKey("/api/v1/moderation/comments/{id}/feature"))
                .body("paths", hasKey("/api/v1/admin/settings"))
                .body("paths", hasKey("/api/v1/comments/{id}/reports"))
                .body("paths", hasKey("/api/v1/moderation/comments/bulk-by-filter"))
                .body("paths", hasKey("/api/v1/moderation/authors/{authorId}"))
                .body("paths", hasKey("/api/v1/moderation/authors/{authorId}/comments"))
                .body("paths", hasKey("/api/v1/moderation/authors/{authorId}/standing"))
                .body("components.schemas.ModerationView.properties", hasKey("authorId"))
                .body("components.schemas.ModerationView.properties", hasKey("reports"))
                .body("paths.'/api/v1/moderation/comments/{id}'", hasKey("patch"))
                .body("paths.'/api/v1/moderation/comments/{id}'.patch.responses.keySet()",
                        hasItems("200", "400", "404", "412", "415"))
                .body("components.schemas.CommentEdit.properties.keySet()", containsInAnyOrder("body", "name", "website"))
                .body("components.schemas", hasKey("DecisionReason"))
                .body("paths.'/api/v1/articles/{articleId}/comments'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/moderation/stats'.get.responses", hasKey("503"))
                .body("components.securitySchemes", hasKey("basic"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(notNullValue());
    }

    @Test
    void articlePagesOnAllowedOriginsMayCallTheApiFromABrowser() {
        given().header("Origin", "https://news.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .when().options("/api/v1/articles/a-1/comments").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://news.example.com"));
        given().header("Origin", "https://news.example.com").when().get("/api/v1/captcha").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://news.example.com"));
        // Reader reports come from the same pages.
        given().header("Origin", "https://news.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .when().options("/api/v1/comments/01a22543-274f-7fda-8000-000000000000/reports").then()
                .statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://news.example.com"));
    }

    @Test
    void otherOriginsAreRefusedWithAProblem() {
        for (String origin : new String[] { "https://evil.test", "null", "https://news.example.com.evil.test" }) {
            given().header("Origin", origin).contentType("application/json").body("{}")
                    .when().post("/api/v1/articles/a-1/comments").then()
                    .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
    }

    @Test
    void unknownAddressesAndMethodsAreProblems() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/api/v1/captcha").then().statusCode(405).contentType("application/problem+json");
    }
}
