package dev.newsroom.comments.account;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.testing.Comments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** API.md §2: personal API tokens for tools. */
@QuarkusTest
class ApiTokenResourceTest {

    private static final String TOKENS = "/api/v1/moderation/tokens";

    @Test
    void aTokenIsShownOnceAndThenWorksAsBearerCredentials() {
        var created = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "newsroom-bot"))
                .when().post(TOKENS).then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("newsroom-bot"))
                .body("token", startsWith("cmt_"))
                .body("createdAt", notNullValue())
                .extract().jsonPath();
        String token = created.getString("token");

        given().header("Authorization", "Bearer " + token).when().get("/api/v1/moderation/stats").then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + token).when().get(TOKENS).then()
                .statusCode(200)
                .body("tokens.id", hasItem(created.getString("id")))
                .body(not(containsString(token)))
                .body(not(containsString(token.substring(4, 20))));
    }

    @Test
    void moreParallelDecisionsThanPooledConnectionsAllGoThrough() throws Exception {
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "busy-bot")).when().post(TOKENS)
                .then().statusCode(201).extract().path("token");
        int parallel = 48; // the pool holds 16 connections
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            ids.add(Comments.aComment().pending());
        }
        ExecutorService moderators = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(moderators.submit(() -> given().header("Authorization", "Bearer " + token)
                        .when().post("/api/v1/moderation/comments/{id}/approve", id).then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                // Before a token check released its connection first, these waited for the pool and got 503.
                assertEquals(200, answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            moderators.shutdownNow();
        }
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        var created = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "short-lived"))
                .when().post(TOKENS).then().statusCode(201).extract().jsonPath();
        String token = created.getString("token");

        asAdmin().when().delete(TOKENS + "/{id}", created.getString("id")).then().statusCode(204);

        given().header("Authorization", "Bearer " + token).when().get("/api/v1/moderation/stats").then()
                .statusCode(401).contentType("application/problem+json");
        asAdmin().when().delete(TOKENS + "/{id}", created.getString("id")).then().statusCode(404);
    }

    @Test
    void aModeratorSeesAndRevokesOnlyTheirOwnTokens() {
        String username = AccountResourceTest.freshUsername();
        AccountResourceTest.createAccount(username, "moderator-password", "moderator");
        String adminTokenId = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "admin-bot"))
                .when().post(TOKENS).then().statusCode(201).extract().path("id");

        given().auth().preemptive().basic(username, "moderator-password").when().get(TOKENS).then()
                .statusCode(200).body("tokens.id", not(hasItem(adminTokenId)));
        given().auth().preemptive().basic(username, "moderator-password").when().delete(TOKENS + "/{id}", adminTokenId)
                .then().statusCode(404);
    }

    @Test
    void madeUpTokensAreRefused() {
        for (String token : new String[] { "cmt_madeup", "not-even-prefixed", "cmt_" + "A".repeat(43), "" }) {
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/moderation/stats").then()
                    .statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aTokenNeedsAName() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", " ")).when().post(TOKENS).then()
                .statusCode(400).body("violations[0].field", equalTo("name"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(101))).when().post(TOKENS).then()
                .statusCode(400).body("violations[0].field", equalTo("name"));
    }
}
