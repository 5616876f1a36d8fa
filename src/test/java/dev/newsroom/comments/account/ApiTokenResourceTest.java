package dev.newsroom.comments.account;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
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
