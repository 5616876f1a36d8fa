package dev.newsroom.comments.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Named fixtures for comments: {@code Comments.aComment().onArticle(a).by("Ana").approved()}.
 * Every comment is posted through HTTP with a freshly solved captcha, like a reader would.
 */
public final class Comments {

    private String articleId = Comments.freshArticle();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Comments() {
        fields.put("name", "Ana Reader");
        fields.put("email", "ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        fields.put("body", "A thoughtful comment.");
    }

    public static Comments aComment() {
        return new Comments();
    }

    /** An article id no other test uses, so tests never see each other's comments. */
    public static String freshArticle() {
        return "article-" + UUID.randomUUID();
    }

    public Comments onArticle(String articleId) {
        this.articleId = articleId;
        return this;
    }

    public Comments by(String name) {
        fields.put("name", name);
        return this;
    }

    public Comments withEmail(String email) {
        fields.put("email", email);
        return this;
    }

    public Comments saying(String body) {
        fields.put("body", body);
        return this;
    }

    public Comments replyingTo(String parentId) {
        fields.put("parentId", parentId);
        return this;
    }

    /** Uses this captcha, answered with {@code answer}, instead of a freshly solved one. */
    public Comments answering(Captchas.Solved captcha, String answer) {
        return with("captchaToken", captcha.token()).with("captchaAnswer", answer);
    }

    public Comments with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public String email() {
        return (String) fields.get("email");
    }

    /** The JSON body with a fresh, correctly answered captcha. */
    public Map<String, Object> solvedBody() {
        Captchas.Solved captcha = Captchas.fresh();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("captchaToken", captcha.token());
        body.putIfAbsent("captchaAnswer", captcha.answerText());
        return body;
    }

    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON).body(solvedBody())
                .when().post("/api/v1/articles/{articleId}/comments", articleId)
                .then();
    }

    /** Posts and answers the new comment's id (it waits for moderation). */
    public String pending() {
        return post().statusCode(202).extract().path("id");
    }

    /** Posts, approves as a moderator and answers the id of the now published comment. */
    public String approved() {
        String id = pending();
        Moderator.approve(id);
        return id;
    }
}
