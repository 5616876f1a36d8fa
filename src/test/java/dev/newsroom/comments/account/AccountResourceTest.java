package dev.newsroom.comments.account;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API.md §3: accounts, and what a login can and cannot do. */
@QuarkusTest
class AccountResourceTest {

    private static final String ACCOUNTS = "/api/v1/admin/moderators";
    private static final String PROBLEM = "application/problem+json";

    static String freshUsername() {
        return "mod-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void createAccount(String username, String password, String role) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", username, "password", password, "role", role))
                .when().post(ACCOUNTS).then().statusCode(201);
    }

    @Test
    void anAdministratorCreatesAModeratorWhoCanModerate() {
        String username = freshUsername();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "correct horse battery", "role", "moderator"))
                .when().post(ACCOUNTS).then()
                .statusCode(201)
                .body("username", equalTo(username))
                .body("role", equalTo("moderator"))
                .body(not(containsString("correct horse")))
                .body(not(containsString("$2")));

        given().auth().preemptive().basic(username, "correct horse battery").when().get("/api/v1/moderation/stats")
                .then().statusCode(200);
        asAdmin().when().get(ACCOUNTS).then().statusCode(200)
                .body("moderators.username", hasItem(username))
                .body(not(containsString("$2")))
                .body(not(containsString("password")));
    }

    @Test
    void aModeratorCannotManageAccounts() {
        String username = freshUsername();
        createAccount(username, "moderator-password", "moderator");
        given().auth().preemptive().basic(username, "moderator-password").when().get(ACCOUNTS)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().preemptive().basic(username, "moderator-password").contentType(ContentType.JSON)
                .body(Map.of("username", freshUsername(), "password", "another-password", "role", "admin"))
                .when().post(ACCOUNTS).then().statusCode(403);
    }

    @Test
    void passwordsNeedTwelveCharactersAndFitBcrypt() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", freshUsername(), "password", "short-pw", "role", "moderator"))
                .when().post(ACCOUNTS).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("password"))
                .body(not(containsString("short-pw")));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", freshUsername(), "password", "é".repeat(40), "role", "moderator"))
                .when().post(ACCOUNTS).then().statusCode(400).body("violations[0].field", equalTo("password"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "bad name", "password", "long-enough-password", "role", "boss"))
                .when().post(ACCOUNTS).then().statusCode(400)
                .body("violations.field", hasItem("username")).body("violations.field", hasItem("role"));
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String username = freshUsername();
        createAccount(username, "first-password-1", "moderator");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "second-password-2", "role", "moderator"))
                .when().post(ACCOUNTS).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void aDeletedAccountIsLockedOutAtOnceWithItsTokens() {
        String username = freshUsername();
        createAccount(username, "soon-deleted-password", "moderator");
        String token = given().auth().preemptive().basic(username, "soon-deleted-password")
                .contentType(ContentType.JSON).body(Map.of("name", "bot"))
                .when().post("/api/v1/moderation/tokens").then().statusCode(201).extract().path("token");

        asAdmin().when().delete(ACCOUNTS + "/{u}", username).then().statusCode(204);

        given().auth().preemptive().basic(username, "soon-deleted-password").when().get("/api/v1/moderation/stats")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/moderation/stats")
                .then().statusCode(401);
        asAdmin().when().delete(ACCOUNTS + "/{u}", username).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theLastAdministratorCannotBeDeleted() {
        String other = freshUsername();
        createAccount(other, "other-admin-password", "admin");
        asAdmin().when().delete(ACCOUNTS + "/{u}", other).then().statusCode(204);

        // Whatever other administrators earlier tests left, deleting them all but one must stop at the last.
        var admins = asAdmin().when().get(ACCOUNTS).then().extract().jsonPath()
                .<String>getList("moderators.findAll { it.role == 'admin' }.username");
        for (String admin : admins) {
            if (!admin.equals("admin")) {
                asAdmin().when().delete(ACCOUNTS + "/{u}", admin).then().statusCode(204);
            }
        }
        asAdmin().when().delete(ACCOUNTS + "/{u}", "admin").then().statusCode(409).contentType(PROBLEM);
        asAdmin().when().get("/api/v1/moderation/stats").then().statusCode(200);
    }

    @Test
    void tenFailedLoginsLockAUsernameOutEvenWithTheRightPassword() {
        String username = freshUsername();
        createAccount(username, "the-right-password", "moderator");
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic(username, "guess-" + i).when().get("/api/v1/moderation/stats")
                    .then().statusCode(401);
        }
        given().auth().preemptive().basic(username, "the-right-password").when().get("/api/v1/moderation/stats")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", not(equalTo(null)));

        String unknown = freshUsername();
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic(unknown, "guess-" + i).when().get("/api/v1/moderation/stats")
                    .then().statusCode(401);
        }
        given().auth().preemptive().basic(unknown, "guess").when().get("/api/v1/moderation/stats")
                .then().statusCode(429).contentType(PROBLEM);

        asAdmin().when().get("/api/v1/moderation/stats").then().statusCode(200);
    }
}
