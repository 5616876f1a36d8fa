package dev.newsroom.comments.embed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page without JavaScript over HTTP (API.md §7): what a browser with scripts off gets and sends. */
@QuarkusTest
class EmbedPageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"captchaToken\" value=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("<span class=\"question\">([^<]+)</span>");

    @Test
    void thePageShowsTheSeedsFormWithAFreshCaptchaAndMayBeFramedByAllowedOriginsOnly() {
        String article = Comments.freshArticle();
        Response page = given().when().get("/embed/articles/{id}", article).then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'self' https://news.example.com"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Set-Cookie", (String) null)
                .extract().response();
        String html = page.asString();
        assertContains(html, "Leave a Reply", "Your email address will not be published.",
                "Required fields are marked <span class=\"required\">*</span>", "Comment <span class=\"required\">*</span>",
                "Name <span class=\"required\">*</span>", "Email <span class=\"required\">*</span>", ">Website</label>",
                "Post Comment", "No comments yet", "action=\"/embed/articles/" + article + "\"",
                "name=\"homepage\"", "name=\"captchaAnswer\"");
        assertLacks(html, "<script");
        String question = match(QUESTION, html);
        assertThat(question, matchesPattern("\\S+ [+−×] \\S+ ="));
        String other = match(TOKEN, given().get("/embed/articles/{id}", article).asString());
        assertNotEquals(match(TOKEN, html), other);
    }

    @Test
    void aValidFormIsTheSameSubmissionAsTheApiAndRedirectsToThePageThatSaysItAwaitsModeration() {
        String article = Comments.freshArticle();
        String location = postForm(article, validForm(article, "Ana Reader", "Well argued.")).then()
                .statusCode(303).extract().header("Location");
        assertEquals("/embed/articles/" + article + "?submitted=pending#respond", location);
        given().get(location.replace("#respond", "")).then().statusCode(200)
                .body(containsString("Thank you! Your comment is awaiting moderation."))
                .body(not(containsString("Well argued.")));
        String id = Moderator.asAdmin().get("/api/v1/moderation/comments?status=pending&articleId=" + article)
                .then().statusCode(200).extract().path("comments[0].id");
        Moderator.approve(id);
        given().get("/embed/articles/{id}", article).then().statusCode(200)
                .body(containsString("Well argued."), containsString("1 comment"), containsString("id=\"comment-" + id));
    }

    @Test
    void aCommentPublishedAtOnceIsOnThePageItRedirectsTo() {
        String article = Comments.freshArticle();
        String email = "trusted.page." + System.nanoTime() + "@example.com";
        String first = Comments.aComment().onArticle(article).withEmail(email).approved();
        String author = Moderator.asAdmin().get("/api/v1/moderation/comments/{id}", first).then().extract().path("authorId");
        Moderator.asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "trusted"))
                .put("/api/v1/moderation/authors/{id}/standing", author).then().statusCode(200);
        Map<String, String> form = validForm(article, "Tru", "Straight onto the page.");
        form.put("email", email);
        String location = postForm(article, form).then().statusCode(303).extract().header("Location");
        assertTrue(location.startsWith("/embed/articles/" + article + "?submitted=published#comment-"), location);
        given().get(location.substring(0, location.indexOf('#'))).then().statusCode(200)
                .body(containsString("Thank you! Your comment is published."), containsString("Straight onto the page."),
                        containsString("2 comments"));
    }

    @Test
    void aWrongCaptchaAndAMissingEmailComeBackAtTheirFieldsWithTheInputKeptButTheEmailAndAFreshCaptcha() {
        String article = Comments.freshArticle();
        Map<String, String> form = validForm(article, "Bo <b>Reader</b>", "My \"comment\" & more");
        form.put("email", "");
        form.put("website", "https://bo.example.org/");
        Response answer = postForm(article, form).then().statusCode(400)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors"))
                .extract().response();
        String html = answer.asString();
        assertContains(html, "id=\"email-error\">Email is required.</span>", "aria-invalid=\"true\"",
                "value=\"Bo &lt;b&gt;Reader&lt;/b&gt;\"", "value=\"https://bo.example.org/\"",
                "My &quot;comment&quot; &amp; more</textarea>", "role=\"alert\"");
        assertNotEquals(form.get("captchaToken"), match(TOKEN, html));

        Map<String, String> wrong = validForm(article, "Bo", "Second try");
        wrong.put("captchaAnswer", "101");
        String again = postForm(article, wrong).then().statusCode(400).extract().asString();
        assertContains(again, "id=\"answer-error\">That answer is not right. Please answer the new question.",
                "name=\"email\" type=\"email\" value=\"\"", "Second try</textarea>");
        assertLacks(again, "bo@example.com");
    }

    @Test
    void repliesWorkWithoutJavaScript() {
        String article = Comments.freshArticle();
        String parent = Comments.aComment().onArticle(article).by("Ana").saying("The first word.").approved();
        String page = given().get("/embed/articles/{id}?replyTo={parent}", article, parent).then().statusCode(200)
                .extract().asString();
        assertContains(page, "Leave a Reply to Ana", "name=\"parentId\" value=\"" + parent + "\"", "Cancel reply");
        Map<String, String> form = validForm(article, "Bo", "A reply.");
        form.put("captchaToken", match(TOKEN, page));
        form.put("captchaAnswer", Integer.toString(Captchas.solve(match(QUESTION, page))));
        form.put("parentId", parent);
        postForm(article, form).then().statusCode(303);
        String id = Moderator.asAdmin().get("/api/v1/moderation/comments?status=pending&articleId=" + article)
                .then().extract().path("comments[0].id");
        Moderator.approve(id);
        String threaded = given().get("/embed/articles/{id}", article).asString();
        assertTrue(Pattern.compile("id=\"comment-" + parent + "\">[\\s\\S]*<ol class=\"children\">\\s*"
                + "<li class=\"comment\" id=\"comment-" + id + "\">").matcher(threaded).find(), threaded);
    }

    @Test
    void hostileCommentTextIsShownAsText() {
        String article = Comments.freshArticle();
        Comments.aComment().onArticle(article).by("<img src=x onerror=alert(1)>")
                .saying("<script>alert('x')</script> \"><svg onload=alert(2)>").approved();
        String page = given().get("/embed/articles/{id}", article).asString();
        assertContains(page, "&lt;script&gt;alert(", "&lt;img src=x onerror=alert(1)&gt;");
        assertLacks(page, "<script", "<svg", "<img");
    }

    @Test
    void aReportWithoutJavaScriptRedirectsWithAThankYou() throws InterruptedException {
        String article = Comments.freshArticle();
        String id = Comments.aComment().onArticle(article).approved();
        given().get("/embed/articles/{id}?report={c}", article, id).then().statusCode(200)
                .body(containsString("Report this comment"), containsString("value=\"" + id + "\""));
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("commentId", id, "reason", "offensive", "note", "Rude."))
                .post("/embed/articles/{id}/reports", article).then().statusCode(303)
                .header("Location", "/embed/articles/" + article + "?reported=1#comments");
        given().get("/embed/articles/{id}?reported=1", article).then()
                .body(containsString("Thank you. A moderator will look at it."));
        // The reported queue lists reports a second old and more (one may still be committing).
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Moderator.asAdmin().get("/api/v1/moderation/comments?reported=true&articleId=" + article).then()
                .extract().path("comments[0].id") == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Moderator.asAdmin().get("/api/v1/moderation/comments?reported=true&articleId=" + article).then()
                .statusCode(200).body("comments[0].reports.open", equalTo(1));
        given().redirects().follow(false).contentType(ContentType.URLENC).formParams(Map.of("commentId", id))
                .post("/embed/articles/{id}/reports", article).then().statusCode(400)
                .body(containsString("Please choose a reason."));
    }

    @Test
    void whatTheReaderCannotFixIsAShortRefusal() {
        given().get("/embed/articles/{id}", "no spaces allowed").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/embed/articles/{id}", Comments.freshArticle())
                .then().statusCode(415);
    }

    @Test
    void theWidgetAndItsStylesAreServedByTheService() {
        given().get("/embed.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("data-comments-article"), not(containsString("eval(")),
                        not(containsString("innerHTML")));
        given().get("/embed.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().header("Origin", "https://news.example.com").get("/embed.css").then()
                .header("Access-Control-Allow-Origin", "https://news.example.com");
    }

    @Test
    void theOpenApiDescriptionListsThePages() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/embed/articles/{articleId}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/embed/articles/{articleId}/reports"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/captcha"));
    }

    @Test
    void refusalsThatAreNotAboutAFieldAreWordedForPeople() {
        assertEquals("You are posting comments too quickly. Please wait 42 seconds and try again.",
                EmbedRoutes.wording(429, java.time.Duration.ofSeconds(42), false));
        assertEquals("Comments are unavailable for a moment. Please try again shortly.",
                EmbedRoutes.wording(503, null, false));
        assertEquals("Comments are closed for this article.", EmbedRoutes.wording(403, null, false));
    }

    /** The issue asks for at most 15 KB gzipped, script and styles together. */
    @Test
    void theWidgetIsSmall() throws java.io.IOException {
        byte[] script = given().get("/embed.js").asByteArray();
        byte[] styles = given().get("/embed.css").asByteArray();
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(script);
            gzip.write(styles);
        }
        System.out.printf("Widget: embed.js %d bytes + embed.css %d bytes, %d bytes gzipped together%n",
                script.length, styles.length, zipped.size());
        assertTrue(zipped.size() <= 15 * 1024, zipped.size() + " bytes gzipped");
    }

    private static Map<String, String> validForm(String article, String name, String body) {
        String page = given().get("/embed/articles/{id}", article).asString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", "bo@example.com");
        form.put("body", body);
        form.put("website", "");
        form.put("homepage", "");
        form.put("captchaToken", match(TOKEN, page));
        form.put("captchaAnswer", Integer.toString(Captchas.solve(match(QUESTION, page))));
        return form;
    }

    private static Response postForm(String article, Map<String, String> form) {
        return given().redirects().follow(false).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(form).post("/embed/articles/{id}", article);
    }

    private static void assertContains(String html, String... parts) {
        for (String part : parts) {
            assertTrue(html.contains(part), () -> "Expected «" + part + "» in\n" + html);
        }
    }

    private static void assertLacks(String html, String... parts) {
        for (String part : parts) {
            assertTrue(!html.contains(part), () -> "Unexpected «" + part + "» in\n" + html);
        }
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), pattern + " in the page");
        return matcher.group(1);
    }
}
