package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * API.md §5, "Edits": a moderator changes a comment's name, body or website, mostly to redact it.
 * (That the old text is stored nowhere afterwards is {@link CommentEditsAtRestTest}.)
 */
@QuarkusTest
class CommentEditsTest {

    private static final String ONE = "/api/v1/moderation/comments/{id}";
    private static final String READERS = "/api/v1/articles/{articleId}/comments";
    private static final String AUDIT = "/api/v1/moderation/audit";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void anEditedBodyReachesReadersAtOnceWithEditedAt() {
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).by("Ana").saying("My neighbour Bob Smith at 12 Elm St is a thief.")
                .approved();
        // Readers' page is in memory now: the edit must show anyway.
        given().get(READERS, article).then().body("comments[0]", hasKey("editedAt"))
                .body("comments[0].editedAt", nullValue());
        asAdmin().get(ONE, id).then().body("$", hasKey("editedAt")).body("editedAt", nullValue());

        String editedAt = edit(id, "{\"body\": \"My neighbour [removed] is a thief.\"}").statusCode(200)
                .header("ETag", notNullValue())
                .body("body", equalTo("My neighbour [removed] is a thief."))
                .body("bodyHtml", equalTo("<p>My neighbour [removed] is a thief.</p>"))
                .body("name", equalTo("Ana"))
                .body("status", equalTo("approved"))
                .body("editedAt", notNullValue())
                .extract().path("editedAt");

        given().get(READERS, article).then().statusCode(200)
                .body("comments.body", contains("My neighbour [removed] is a thief."))
                .body("comments[0].bodyHtml", equalTo("<p>My neighbour [removed] is a thief.</p>"))
                .body("comments[0].name", equalTo("Ana"))
                .body("comments[0].editedAt", equalTo(editedAt));
        asAdmin().get(ONE, id).then().body("body", equalTo("My neighbour [removed] is a thief."))
                .body("editedAt", equalTo(editedAt));
    }

    @Test
    void fieldsGivenChangeAbsentOnesStayAndANullWebsiteRemovesIt() {
        String article = Comments.freshArticle();
        String id = aComment().onArticle(article).by("Ana").saying("Text.").with("website", "https://ana.example.com/")
                .approved();

        edit(id, "{\"website\": null}").statusCode(200)
                .body("website", nullValue()).body("name", equalTo("Ana")).body("body", equalTo("Text."));
        given().get(READERS, article).then().body("comments[0].website", nullValue());

        // Trimmed and line breaks normalised as at posting; merge-patch+json is read like JSON (sent
        // without a charset, as curl does: REST Assured would otherwise add ISO-8859-1, which JSON is not).
        asAdmin().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/merge-patch+json")
                .body("{\"name\": \"  Ana B. \", \"website\": \" https://b.example.com/ \", \"body\": \"One\\r\\ntwo \"}")
                .patch(ONE, id).then().statusCode(200)
                .body("name", equalTo("Ana B."))
                .body("website", equalTo("https://b.example.com/"))
                .body("body", equalTo("One\ntwo"));
        edit(id, "{\"website\": \"\"}").statusCode(200).body("website", nullValue()); // empty is none, as at posting
    }

    @Test
    void anInvalidValueIs400NamingTheFieldAndChangesNothing() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Text.").pending();
        String etag = etagOf(id);

        edit(id, "{\"name\": \"   \"}").statusCode(400).contentType(PROBLEM).body("violations.field", contains("name"));
        edit(id, "{\"name\": \"" + "n".repeat(101) + "\"}").statusCode(400).body("violations.field", contains("name"));
        edit(id, "{\"name\": \"two\\nlines\"}").statusCode(400).body("violations.field", contains("name"));
        edit(id, "{\"body\": \"\"}").statusCode(400).body("violations.field", contains("body"));
        edit(id, "{\"body\": \"" + "b".repeat(5001) + "\"}").statusCode(400).body("violations.field", contains("body"));
        edit(id, "{\"body\": \"nul \\u0000 here\"}").statusCode(400).body("violations.field", contains("body"));
        edit(id, "{\"website\": \"javascript:alert(1)\"}").statusCode(400).body("violations.field", contains("website"));
        edit(id, "{\"body\": \"Fine.\", \"website\": \"ftp://example.com/\"}").statusCode(400)
                .body("violations.field", contains("website"));
        edit(id, "{\"body\": 5}").statusCode(400).body("violations.field", contains("body"));

        assertNeverEdited(id, etag, "Ana", "Text.");
    }

    @Test
    void nameAndBodyCannotBeNull() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Text.").pending();
        String etag = etagOf(id);
        edit(id, "{\"body\": null}").statusCode(400).contentType(PROBLEM).body("violations.field", contains("body"));
        edit(id, "{\"name\": null, \"body\": null}").statusCode(400).body("violations.field", contains("name", "body"));
        assertNeverEdited(id, etag, "Ana", "Text.");
    }

    @Test
    void anUnknownFieldIs400NamingItAndChangesNothing() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Text.").pending();
        String etag = etagOf(id);

        edit(id, "{\"body\": \"New.\", \"email\": \"someone.else@example.com\", \"status\": \"approved\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("email", "status"))
                .body(not(containsString("someone.else")));
        // A key that is not a plain name is not echoed (it could be an email pasted as a key).
        edit(id, "{\"ana@example.com\": \"x\"}").statusCode(400)
                .body("violations.field", contains("request")).body(not(containsString("ana@")));

        assertNeverEdited(id, etag, "Ana", "Text.");
        assertEquals("pending", asAdmin().get(ONE, id).then().extract().path("status"));
    }

    @Test
    void theBodyMustBeAJsonObject() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Text.").pending();
        String etag = etagOf(id);
        edit(id, "[\"body\"]").statusCode(400).contentType(PROBLEM);
        edit(id, "\"body\"").statusCode(400).contentType(PROBLEM);
        edit(id, "{\"body\": ").statusCode(400).contentType(PROBLEM);
        asAdmin().contentType(ContentType.JSON).patch(ONE, id).then().statusCode(400).contentType(PROBLEM);
        asAdmin().contentType(ContentType.TEXT).body("body=New").patch(ONE, id).then()
                .statusCode(415).contentType(PROBLEM);
        asAdmin().contentType(ContentType.URLENC).formParam("body", "New").patch(ONE, id).then()
                .statusCode(415).contentType(PROBLEM);
        assertNeverEdited(id, etag, "Ana", "Text.");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Text.").pending();
        String loaded = etagOf(id);
        String current = edit(id, "{\"name\": \"Ana B.\"}").statusCode(200).extract().header("ETag");
        assertNotEquals(loaded, current);

        asAdmin().contentType(ContentType.JSON).header("If-Match", loaded).body("{\"body\": \"Mine.\"}")
                .patch(ONE, id).then().statusCode(412).contentType(PROBLEM);
        assertUnchanged(id, current, "Ana B.", "Text.");
        asAdmin().queryParam("commentId", id).get(AUDIT).then().body("entries.note", contains("name"));

        String after = asAdmin().contentType(ContentType.JSON).header("If-Match", current).body("{\"body\": \"Mine.\"}")
                .patch(ONE, id).then().statusCode(200).body("body", equalTo("Mine.")).extract().header("ETag");
        assertNotEquals(current, after);
    }

    @Test
    void anUnknownCommentIs404AndCredentialsAreRequired() {
        edit("01a22543-274f-7fda-8000-000000000000", "{\"body\": \"New.\"}").statusCode(404).contentType(PROBLEM);
        edit("not-an-id", "{\"body\": \"New.\"}").statusCode(404).contentType(PROBLEM);

        String id = aComment().onArticle(Comments.freshArticle()).saying("Text.").pending();
        given().contentType(ContentType.JSON).body("{\"body\": \"New.\"}").patch(ONE, id).then()
                .statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", notNullValue());
        asAdmin().get(ONE, id).then().body("body", equalTo("Text."));
    }

    @Test
    void anEditThatChangesNothingWritesNothing() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Text.").approved();
        String etag = etagOf(id);

        edit(id, "{}").statusCode(200).header("ETag", equalTo(etag)).body("editedAt", nullValue());
        edit(id, "{\"name\": \"Ana\", \"body\": \" Text.\\n\", \"website\": null}").statusCode(200)
                .header("ETag", equalTo(etag)).body("editedAt", nullValue());
        // Already as asked: a retry after a lost answer succeeds whatever If-Match it carries.
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"v0\"").body("{\"body\": \"Text.\"}")
                .patch(ONE, id).then().statusCode(200).header("ETag", equalTo(etag));

        asAdmin().queryParam("commentId", id).get(AUDIT).then().body("entries.action", contains("approve"));
        assertNeverEdited(id, etag, "Ana", "Text.");
    }

    @Test
    void theAuditEntryNamesTheFieldsChangedButNeitherText() {
        String id = aComment().onArticle(Comments.freshArticle()).by("Ana").saying("Call me on 555-0199.")
                .with("website", "https://ana.example.com/").pending();

        edit(id, "{\"body\": \"Call me on [removed].\", \"website\": \"https://other.example.com/\", \"name\": \"Ana\"}")
                .statusCode(200).body("status", equalTo("pending")).body("editedAt", notNullValue());

        asAdmin().queryParam("commentId", id).get(AUDIT).then().statusCode(200)
                .body("entries.action", contains("edit"))
                .body("entries[0].moderator", equalTo("admin"))
                .body("entries[0].from", equalTo("pending"))
                .body("entries[0].to", equalTo("pending"))
                .body("entries[0].note", equalTo("body,website"))
                .body("entries[0].reason", nullValue())
                .body(not(containsString("555-0199")))
                .body(not(containsString("[removed]")))
                .body(not(containsString("example.com")));
        edit(id, "{\"name\": \"A.\"}").statusCode(200);
        asAdmin().queryParam("commentId", id).get(AUDIT).then().body("entries.note", contains("name", "body,website"));
    }

    private static ValidatableResponse edit(String id, String json) {
        return asAdmin().contentType(ContentType.JSON).body(json).patch(ONE, id).then();
    }

    private static String etagOf(String id) {
        return asAdmin().get(ONE, id).then().statusCode(200).extract().header("ETag");
    }

    /** The comment as it was: same version, same fields. */
    private static void assertUnchanged(String id, String etag, String name, String body) {
        asAdmin().get(ONE, id).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("name", equalTo(name))
                .body("body", equalTo(body));
    }

    /** The comment as posted: unchanged, never edited, no edit audited. */
    private static void assertNeverEdited(String id, String etag, String name, String body) {
        assertUnchanged(id, etag, name, body);
        asAdmin().get(ONE, id).then().body("editedAt", nullValue());
        asAdmin().queryParam("commentId", id).get(AUDIT).then().body("entries.action", not(hasItem("edit")));
    }
}
