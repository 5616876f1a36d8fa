package dev.newsroom.comments.submission;

import static dev.newsroom.comments.testing.Comments.aComment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API.md §1, POST /articles/{articleId}/comments, through HTTP. */
@QuarkusTest
class SubmissionResourceTest {

    private static final String PATH = "/api/v1/articles/{articleId}/comments";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aValidCommentWaitsForModerationAndIsAnsweredAsReadersWouldSeeIt() {
        String article = Comments.freshArticle();
        Comments comment = aComment().onArticle(article).by("Ana").saying("First!\n\nSee https://example.com/x");

        comment.post()
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("articleId", equalTo(article))
                .body("status", equalTo("pending"))
                .body("name", equalTo("Ana"))
                .body("body", equalTo("First!\n\nSee https://example.com/x"))
                .body("bodyHtml", equalTo("<p>First!</p>\n<p>See <a href=\"https://example.com/x\" "
                        + "rel=\"nofollow ugc noopener\">https://example.com/x</a></p>"))
                .body("parentId", nullValue())
                .body("website", nullValue())
                .body("createdAt", notNullValue())
                .body(not(containsString(comment.email())))
                .body(not(containsString("email")));
    }

    @Test
    void theAnswerIsJsonWhateverTheClientAccepts() {
        String id = given().accept("text/html").contentType(ContentType.JSON).body(aComment().solvedBody())
                .when().post(PATH, Comments.freshArticle())
                .then().statusCode(202).contentType(ContentType.JSON).extract().path("id");
        assertEquals("pending", Moderator.statusOf(id));
    }

    @Test
    void aPlainHtmlFormIsAccepted() {
        Captchas.Solved captcha = Captchas.fresh();
        postForm(Comments.freshArticle(), Map.of("name", "Form Reader", "email", "form@example.com",
                "body", "Posted from a form", "captchaToken", captcha.token(), "captchaAnswer", captcha.answerText()))
                .statusCode(202)
                .body("status", equalTo("pending"))
                .body("name", equalTo("Form Reader"));
    }

    @Test
    void aFormWithAnAllowedRedirectIsSentBackToThePage() {
        Captchas.Solved captcha = Captchas.fresh();
        postForm(Comments.freshArticle(), Map.of("name", "Form Reader", "email", "form@example.com",
                "body", "Back to the article please", "captchaToken", captcha.token(),
                "captchaAnswer", captcha.answerText(), "redirect", "https://news.example.com/2026/article#comments"))
                .statusCode(303)
                .header("Location", equalTo("https://news.example.com/2026/article#comments"));
    }

    @Test
    void aFormRedirectToAForeignOriginIsRefusedBeforeTheCaptchaIsSpent() {
        Captchas.Solved captcha = Captchas.fresh();
        String article = Comments.freshArticle();
        Map<String, String> form = Map.of("name", "Form Reader", "email", "form@example.com", "body", "Hi",
                "captchaToken", captcha.token(), "captchaAnswer", captcha.answerText(),
                "redirect", "https://news.example.com.evil.test/");

        postForm(article, form).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("redirect"));

        postForm(article, Map.of("name", "Form Reader", "email", "form@example.com", "body", "Hi",
                "captchaToken", captcha.token(), "captchaAnswer", captcha.answerText()))
                .statusCode(202);
    }

    @Test
    void answersInWordsAreAccepted() {
        Captchas.Solved captcha = Captchas.fresh();
        aComment().answering(captcha, " " + Captchas.inWords(captcha.answer()))
                .post().statusCode(202);
    }

    @Test
    void invalidFieldsAreNamedAndDoNotSpendTheCaptcha() {
        Captchas.Solved captcha = Captchas.fresh();
        String email = "hidden.person@example.com";
        Map<String, Object> invalid = Map.of("name", "  ", "email", email, "body", "x".repeat(5001),
                "website", "javascript:alert(1)", "captchaToken", captcha.token(), "captchaAnswer", captcha.answerText());

        postJson(Comments.freshArticle(), invalid)
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("violations.field", hasItems("name", "body", "website"))
                .body("violations.field", not(hasItem("email")))
                .body(not(containsString(email)));

        aComment().answering(captcha, captcha.answerText())
                .post().statusCode(202);
    }

    @Test
    void anInvalidEmailIsNamedButNeverEchoed() {
        String email = "not an email@example.com";
        aComment().withEmail(email).post()
                .statusCode(400)
                .body("violations.field", equalTo(java.util.List.of("email")))
                .body(not(containsString("not an email")));
    }

    @Test
    void everyRequiredFieldIsRequired() {
        postJson(Comments.freshArticle(), Map.of())
                .statusCode(400)
                .contentType(PROBLEM)
                .body("violations.field", hasItems("name", "email", "body", "captchaToken", "captchaAnswer"));
    }

    @Test
    void controlCharactersAreRefused() {
        aComment().by("Bob\u0000").post().statusCode(400).body("violations.field", hasItem("name"));
        aComment().by("Bob\r\nBcc: x@evil.test").post().statusCode(400).body("violations.field", hasItem("name"));
        aComment().by("\u202Egnp.exe").post().statusCode(400).body("violations.field", hasItem("name"));
        aComment().saying("nul \u0000 byte").post().statusCode(400).body("violations.field", hasItem("body"));
    }

    @Test
    void textIsStoredAsSentAndCountedInCharactersNotBytes() {
        String emoji = "\uD83D\uDE00".repeat(5000);
        aComment().saying(emoji).post().statusCode(202).body("body", equalTo(emoji));
        aComment().by("👨‍👩‍👧 Zoë <b>").saying("<script>alert(1)</script>").post().statusCode(202)
                .body("name", equalTo("👨‍👩‍👧 Zoë <b>"))
                .body("bodyHtml", equalTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    }

    @Test
    void aWrongAnswerSpendsTheCaptcha() {
        Captchas.Solved captcha = Captchas.fresh();
        aComment().answering(captcha, captcha.wrongAnswer()).post()
                .statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("captchaAnswer"))
                .body("violations[0].message", containsString("not the right answer"));

        aComment().answering(captcha, captcha.answerText()).post()
                .statusCode(400)
                .body("violations[0].field", equalTo("captchaAnswer"))
                .body("violations[0].message", containsString("already used"));
    }

    @Test
    void aSolvedCaptchaCannotBeReplayed() {
        Captchas.Solved captcha = Captchas.fresh();
        String article = Comments.freshArticle();
        aComment().onArticle(article).answering(captcha, captcha.answerText()).post().statusCode(202);

        aComment().onArticle(article).answering(captcha, captcha.answerText()).post()
                .statusCode(400)
                .body("violations[0].field", equalTo("captchaAnswer"));
    }

    @Test
    void aTokenPostedManyTimesAtOnceIsRedeemedOnce() throws Exception {
        Captchas.Solved captcha = Captchas.fresh();
        String article = Comments.freshArticle();
        int attempts = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Comments comment = aComment().onArticle(article).saying("attempt " + i)
                        .answering(captcha, captcha.answerText());
                statuses.add(pool.submit(() -> {
                    start.await();
                    return comment.post().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var status : statuses) {
                codes.add(status.get());
            }
            assertEquals(1, codes.stream().filter(code -> code == 202).count(), codes.toString());
            assertEquals(attempts - 1, codes.stream().filter(code -> code == 400).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        Moderator.asAdmin().queryParam("articleId", article).when().get("/api/v1/moderation/comments").then()
                .body("comments", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void aForgedOrMangledTokenIsRefused() {
        Captchas.Solved captcha = Captchas.fresh();
        String token = captcha.token();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        for (String forged : new String[] { tampered, "not-a-token", "x".repeat(10_000) }) {
            aComment().with("captchaToken", forged).with("captchaAnswer", captcha.answerText()).post()
                    .statusCode(400).body("violations[0].field", equalTo("captchaAnswer"));
        }
        aComment().with("captchaToken", token).with("captchaAnswer", captcha.answerText()).post().statusCode(202);
    }

    @Test
    void noFieldOfTheRequestCanSetAStatusOrAnId() {
        String id = aComment().with("status", "approved").with("id", "chosen-by-client")
                .with("createdAt", "2000-01-01T00:00:00Z").with("decidedBy", "admin").pending();

        assertEquals("pending", Moderator.statusOf(id));
        org.junit.jupiter.api.Assertions.assertNotEquals("chosen-by-client", id);
    }

    @Test
    void aReplyMustAnswerAnApprovedCommentOfTheSameArticle() {
        String article = Comments.freshArticle();
        String approved = aComment().onArticle(article).approved();
        String pending = aComment().onArticle(article).pending();

        aComment().onArticle(article).replyingTo(approved).post().statusCode(202).body("parentId", equalTo(approved));
        aComment().onArticle(article).replyingTo(pending).post()
                .statusCode(400).body("violations[0].field", equalTo("parentId"));
        aComment().onArticle(Comments.freshArticle()).replyingTo(approved).post()
                .statusCode(400).body("violations[0].field", equalTo("parentId"));
    }

    @Test
    void aFilledHoneypotIsAnsweredLikeAnyHeldCommentButFiledAsSpam() {
        String id = aComment().with("homepage", "http://spam.test").post()
                .statusCode(202)
                .body("status", equalTo("pending"))
                .extract().path("id");

        assertEquals("spam", Moderator.statusOf(id));
    }

    @Test
    void malformedJsonIsABadRequest() {
        for (String body : new String[] { "{\"name\": \"a\"", "{\"name\":\"a\"}{}", "[]", "\"text\"", "42",
                "{\"body\":\"ok\",\"body\":\"<spam>\"}", "{'name': 'a'}", "{\"name\":\"a\",}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post(PATH, Comments.freshArticle())
                    .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        given().contentType(ContentType.JSON).body("null").when().post(PATH, Comments.freshArticle())
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aNumericAnswerIsAcceptedToo() {
        Captchas.Solved captcha = Captchas.fresh();
        aComment().with("captchaToken", captcha.token()).with("captchaAnswer", captcha.answer()).post()
                .statusCode(202);
    }

    @Test
    void addressesWithSemicolonsAreRefused() {
        given().contentType(ContentType.JSON).body(aComment().solvedBody())
                .when().post("/api/v1/articles/a;b/comments").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/comment-counts?articleId=a;b").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aBodyWithoutContentTypeIsUnsupported() {
        given().body("{\"name\":\"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post(PATH, Comments.freshArticle())
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void aFormWithBrokenEscapesIsABadRequest() {
        given().contentType("application/x-www-form-urlencoded").body("name=a%zz&email=%")
                .when().post(PATH, Comments.freshArticle())
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void fieldsOfTheWrongTypeAreNamed() {
        given().contentType(ContentType.JSON).body("{\"name\": 123, \"email\": \"a@example.com\"}")
                .when().post(PATH, Comments.freshArticle())
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("'name'"))
                .body("violations[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"email\": [\"secret@example.com\"]}")
                .when().post(PATH, Comments.freshArticle())
                .then().statusCode(400).contentType(PROBLEM).body(not(containsString("secret@example.com")));
    }

    @Test
    void deeplyNestedDocumentsAreRefusedQuickly() {
        String nested = "{\"name\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        given().contentType(ContentType.JSON).body(nested).when().post(PATH, Comments.freshArticle())
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void bodiesOver64KiBAreTooLarge() {
        given().contentType(ContentType.JSON).body("{\"body\":\"" + "a".repeat(70_000) + "\"}")
                .when().post(PATH, Comments.freshArticle())
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void otherContentTypesAreUnsupported() {
        given().contentType("text/plain").body("{\"name\":\"a\"}").when().post(PATH, Comments.freshArticle())
                .then().statusCode(415).contentType(PROBLEM);
        given().contentType("multipart/form-data").multiPart("name", "a").when().post(PATH, Comments.freshArticle())
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anInvalidArticleIdIsABadRequest() {
        aComment().onArticle("a".repeat(129)).post().statusCode(400).body("violations[0].field", equalTo("articleId"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/articles/bad%20id/comments")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("articleId"));
    }

    private static ValidatableResponse postJson(String article, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PATH, article).then();
    }

    private static ValidatableResponse postForm(String article, Map<String, String> form) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParams(form)
                .when().post(PATH, article).then();
    }
}
