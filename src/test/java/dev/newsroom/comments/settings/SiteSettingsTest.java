package dev.newsroom.comments.settings;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API.md §5, "Site settings": stored, audited, applied at intake; the surge switch. */
@QuarkusTest
class SiteSettingsTest {

    private static final String SETTINGS = "/api/v1/admin/settings";
    private static final String AUDIT = "/api/v1/moderation/audit";
    private static final String PROBLEM = "application/problem+json";

    /** The settings outlive a test (they are in the database): back to the environment's defaults. */
    @AfterEach
    void backToDefaults() {
        asAdmin().delete(SETTINGS + "/moderationPolicy").then().statusCode(200);
        asAdmin().delete(SETTINGS + "/reportsToHold").then().statusCode(200);
    }

    @Test
    void theDefaultsComeFromTheEnvironment() {
        asAdmin().get(SETTINGS).then().statusCode(200)
                .body("moderationPolicy", equalTo("hold-all"))
                .body("reportsToHold", equalTo(3));
    }

    @Test
    void aChangeAppliesToTheNextPostAndIsAudited() {
        String article = Comments.freshArticle();
        String email = "regular." + System.nanoTime() + "@example.com";
        aComment().onArticle(article).withEmail(email).saying("one").approved();
        aComment().onArticle(article).withEmail(email).saying("two").approved();
        aComment().onArticle(article).withEmail(email).saying("held under hold-all").post().statusCode(202);

        asAdmin().contentType(ContentType.JSON).body(Map.of("moderationPolicy", "trust-returning"))
                .when().put(SETTINGS).then().statusCode(200)
                .body("moderationPolicy", equalTo("trust-returning"))
                .body("reportsToHold", equalTo(3));
        asAdmin().get(SETTINGS).then().body("moderationPolicy", equalTo("trust-returning"));
        aComment().onArticle(article).withEmail(email).saying("trusted now").post()
                .statusCode(201).body("status", equalTo("approved"));

        // The surge switch: everything waits again.
        asAdmin().contentType(ContentType.JSON).body(Map.of("moderationPolicy", "hold-all"))
                .when().put(SETTINGS).then().statusCode(200);
        aComment().onArticle(article).withEmail(email).saying("held again").post().statusCode(202);

        asAdmin().get(AUDIT).then()
                .body("entries[0].action", equalTo("settings"))
                .body("entries[0].reason", equalTo("moderationPolicy"))
                .body("entries[0].from", equalTo("trust-returning"))
                .body("entries[0].to", equalTo("hold-all"))
                .body("entries[0].moderator", equalTo("admin"))
                .body("entries[1].from", equalTo("hold-all"))
                .body("entries[1].to", equalTo("trust-returning"));
    }

    @Test
    void onlyTheFieldsGivenChangeAndAResetGoesBackToTheDefault() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 0))
                .when().put(SETTINGS).then().statusCode(200)
                .body("reportsToHold", equalTo(0)).body("moderationPolicy", equalTo("hold-all"));
        asAdmin().delete(SETTINGS + "/reportsToHold").then().statusCode(200).body("reportsToHold", equalTo(3));
        asAdmin().delete(SETTINGS + "/noSuchSetting").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badValuesAre400AndChangeNothing() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("moderationPolicy", "publish-all", "reportsToHold", 5))
                .when().put(SETTINGS).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("moderationPolicy"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", -1))
                .when().put(SETTINGS).then().statusCode(400).body("violations.field", hasItem("reportsToHold"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reportsToHold", 1001))
                .when().put(SETTINGS).then().statusCode(400).body("violations.field", hasItem("reportsToHold"));
        // A mistyped surge switch must not answer 200 and change nothing.
        asAdmin().contentType(ContentType.JSON).body(Map.of("moderationpolicy", "trust-returning"))
                .when().put(SETTINGS).then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("unknown"));
        asAdmin().get(SETTINGS).then().body("moderationPolicy", equalTo("hold-all")).body("reportsToHold", equalTo(3));
    }

    @Test
    void onlyAdministratorsSeeOrChangeThem() {
        String username = "mod" + (System.nanoTime() % 1_000_000_000L);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "moderator-password", "role", "moderator"))
                .when().post("/api/v1/admin/moderators").then().statusCode(201);
        given().auth().preemptive().basic(username, "moderator-password").get(SETTINGS).then()
                .statusCode(403).contentType(PROBLEM);
        given().get(SETTINGS).then().statusCode(401);
        Moderator.asAdmin().get(SETTINGS).then().statusCode(200);
    }
}
