package dev.newsroom.comments.publication;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** API.md §1: what the news site reads, through HTTP. */
@QuarkusTest
class PublicationResourceTest {

    private static final String LIST = "/api/v1/articles/{articleId}/comments";
    private static final String COUNTS = "/api/v1/comment-counts";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void readersSeeApprovedCommentsOnlyAndNothingPrivate() {
        String article = Comments.freshArticle();
        Comments published = aComment().onArticle(article).by("Ana").saying("Published")
                .with("website", "https://ana.example.org");
        String id = published.approved();
        Comments held = aComment().onArticle(article).saying("Still waiting");
        held.pending();

        given().when().get(LIST, article).then()
                .statusCode(200)
                .contentType("application/json")
                .body("articleId", equalTo(article))
                .body("total", equalTo(1))
                .body("nextCursor", nullValue())
                .body("comments.id", contains(id))
                .body("comments[0].name", equalTo("Ana"))
                .body("comments[0].website", equalTo("https://ana.example.org"))
                .body("comments[0].body", equalTo("Published"))
                .body("comments[0].bodyHtml", equalTo("<p>Published</p>"))
                .body("comments[0].createdAt", notNullValue())
                .body("comments[0].parentId", nullValue())
                .body("comments[0]", not(hasKey("email")))
                .body("comments[0]", not(hasKey("status")))
                .body("comments[0]", not(hasKey("reasons")))
                .body(not(containsString(published.email())))
                .body(not(containsString("@")))
                .body(not(containsString("Still waiting")));
    }

    @Test
    void anUnknownArticleHasNoComments() {
        given().when().get(LIST, Comments.freshArticle()).then()
                .statusCode(200).body("total", equalTo(0)).body("comments", empty());
    }

    @Test
    void repliesCarryTheirParent() {
        String article = Comments.freshArticle();
        String parent = aComment().onArticle(article).approved();
        String reply = aComment().onArticle(article).replyingTo(parent).approved();

        given().when().get(LIST, article).then()
                .body("comments.id", contains(parent, reply))
                .body("comments[1].parentId", equalTo(parent));
    }

    @Test
    void listsAreOldestFirstByDefaultAndPagedWithCursors() {
        String article = Comments.freshArticle();
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> aComment().onArticle(article).approved()).toList();

        List<String> oldestFirst = readAll(article, "oldest");
        List<String> newestFirst = readAll(article, "newest");

        assertEquals(ids, oldestFirst);
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, newestFirst);
        given().queryParam("limit", 2).when().get(LIST, article).then().body("total", equalTo(5));
    }

    @Test
    void answersCarryAnEtagAndA304WhenNothingChanged() {
        String article = Comments.freshArticle();
        aComment().onArticle(article).approved();

        String etag = given().when().get(LIST, article).then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=30"))
                .header("Vary", containsString("Origin"))
                .extract().header("ETag");

        given().header("If-None-Match", etag).when().get(LIST, article).then()
                .statusCode(304).header("ETag", equalTo(etag)).header("Cache-Control", equalTo("public, max-age=30"));

        aComment().onArticle(article).approved();
        String changed = given().header("If-None-Match", etag).when().get(LIST, article).then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(etag, changed);
    }

    @Test
    void badListParametersAreNamed() {
        String article = Comments.freshArticle();
        given().queryParam("order", "random").when().get(LIST, article).then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("order"));
        given().queryParam("limit", 201).when().get(LIST, article).then()
                .statusCode(400).body("violations[0].field", equalTo("limit"));
        given().queryParam("cursor", "bogus").when().get(LIST, article).then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().when().get(LIST, "x".repeat(129)).then()
                .statusCode(400).body("violations[0].field", equalTo("articleId"));
    }

    @Test
    void anAnswerFromMemoryIsTheSameAsTheFirstOneHeadersIncluded() {
        String article = Comments.freshArticle();
        aComment().onArticle(article).approved();
        for (String path : List.of(LIST.replace("{articleId}", article), COUNTS + "?articleId=" + article)) {
            var first = given().header("Origin", "https://news.example.com").when().get(path).then()
                    .statusCode(200).extract().response();
            var fromMemory = given().header("Origin", "https://news.example.com").when().get(path).then()
                    .statusCode(200).extract().response();

            assertEquals(first.asString(), fromMemory.asString(), path);
            for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Vary", "Access-Control-Allow-Origin")) {
                assertEquals(first.header(header), fromMemory.header(header), path + " " + header);
            }
            assertEquals("https://news.example.com", fromMemory.header("Access-Control-Allow-Origin"), path);
            given().header("If-None-Match", first.header("ETag")).when().get(path).then()
                    .statusCode(304).body(equalTo("")).header("ETag", equalTo(first.header("ETag")));
        }
        // A bad request is never taken for a page in memory: it still gets its problem document.
        given().queryParam("order", "random").when().get(LIST, article).then().statusCode(400).contentType(PROBLEM);
        given().queryParam("articleId", article).queryParam("articleId", "bad id").when().get(COUNTS).then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aPageKeptInMemoryShowsEveryDecisionAtOnce() {
        String article = Comments.freshArticle();
        String first = aComment().onArticle(article).approved();
        given().when().get(LIST, article).then().body("comments.id", contains(first));
        given().queryParam("articleId", article).when().get(COUNTS).then().body("counts['" + article + "']", equalTo(1));

        String second = aComment().onArticle(article).pending();
        Moderator.approve(second);
        given().when().get(LIST, article).then().body("comments.id", contains(first, second));
        given().queryParam("articleId", article).when().get(COUNTS).then().body("counts['" + article + "']", equalTo(2));

        asAdmin().post("/api/v1/moderation/comments/{id}/reject", first).then().statusCode(200);
        given().when().get(LIST, article).then().body("comments.id", contains(second)).body("total", equalTo(1));
        given().queryParam("articleId", article).when().get(COUNTS).then().body("counts['" + article + "']", equalTo(1));

        asAdmin().delete("/api/v1/moderation/comments/{id}", second).then().statusCode(204);
        given().when().get(LIST, article).then().body("comments", hasSize(0));
    }

    @Test
    void countsAreGivenForEveryRequestedArticle() {
        String busy = Comments.freshArticle();
        String quiet = Comments.freshArticle();
        aComment().onArticle(busy).approved();
        aComment().onArticle(busy).approved();
        aComment().onArticle(busy).pending();

        JsonPath counts = given().queryParam("articleId", busy, quiet).when().get(COUNTS).then()
                .statusCode(200).header("ETag", notNullValue()).extract().jsonPath();

        assertEquals(2, counts.getInt("counts['" + busy + "']"));
        assertEquals(0, counts.getInt("counts['" + quiet + "']"));
    }

    @Test
    void countsTakeOneToOneHundredValidArticles() {
        Object[] hundred = IntStream.range(0, 100).mapToObj(i -> String.format("%0128d", i)).toArray();
        Object[] tooMany = IntStream.range(0, 101).mapToObj(i -> "a-" + i).toArray();
        given().queryParam("articleId", hundred).when().get(COUNTS).then().statusCode(200);
        given().queryParam("articleId", tooMany).when().get(COUNTS).then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("articleId"));
        given().when().get(COUNTS).then().statusCode(400).body("violations[0].field", equalTo("articleId"));
        given().queryParam("articleId", "bad id!").when().get(COUNTS).then().statusCode(400);
    }

    private static List<String> readAll(String article, String order) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2).queryParam("order", order);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(LIST, article).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("comments.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
