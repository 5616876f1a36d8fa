package dev.newsroom.comments.console;

import static dev.newsroom.comments.console.ConsoleSignIns.ownOrigin;
import static dev.newsroom.comments.console.ConsoleSignIns.postSignIn;
import static dev.newsroom.comments.console.ConsoleSignIns.signIn;
import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleSignInTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String STATS = "/api/v1/moderation/stats";

    @Test
    void theSignInPageIsAFormUnderAStrictContentSecurityPolicy() {
        given().when().get("/console/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("script-src 'self'"), containsString("style-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .body(containsString("<form method=\"post\" action=\"/console/sign-in\""),
                        containsString("type=\"password\""), not(containsString("<script")));
        given().redirects().follow(false).when().get("/console").then().statusCode(301).header("Location", "/console/");
    }

    @Test
    void aWrongPasswordIsSaidOnThePageAndOpensNoSession() {
        Response wrong = postSignIn(Moderator.USERNAME, "not-the-password", Map.of());
        wrong.then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("Wrong username or password."), containsString("value=\"admin\""),
                        not(containsString("not-the-password")));
        assertNull(wrong.getCookie(ConsoleCookies.SESSION));

        postSignIn("", "", Map.of()).then().statusCode(400).body(containsString("Enter your username and your password."));
    }

    @Test
    void signingInGivesAnHttpOnlyStrictSessionCookieThatAuthenticatesTheModerationApi() {
        Response signedIn = postSignIn(Moderator.USERNAME, Moderator.PASSWORD, Map.of());
        signedIn.then().statusCode(303).header("Location", "/console/")
                .header("Set-Cookie", not(containsString("Secure")));
        var cookie = signedIn.getDetailedCookie(ConsoleCookies.SESSION);
        assertNotNull(cookie);
        assertEquals(true, cookie.isHttpOnly());
        assertEquals("Strict", cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertEquals(false, cookie.hasMaxAge(), "a browser-session cookie: the server ends it after idling");
        var device = signedIn.getDetailedCookie("comments_device");
        assertEquals(true, device.isHttpOnly());
        assertEquals("Strict", device.getSameSite());

        // A client's own X-Forwarded-Proto is not taken at its word: the service trusts no proxy by default.
        given().redirects().follow(false).header("Origin", ownOrigin()).header("X-Forwarded-Proto", "https")
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in").then().statusCode(303).header("Set-Cookie", not(containsString("Secure")));

        var session = signIn(Moderator.USERNAME, Moderator.PASSWORD);
        session.withCookie().when().get(STATS).then().statusCode(200);
        session.withCookie().when().get("/console/").then().statusCode(200)
                .body(containsString("data-username=\"admin\""), containsString("src=\"/console/console.js\""));
        given().cookie(ConsoleCookies.SESSION, "made-up-token-made-up-token-made-up-token-x").when().get(STATS)
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aChangeMadeWithTheCookieButWithoutTheCsrfTokenIsRefused() {
        String id = aComment().pending();
        var session = signIn(Moderator.USERNAME, Moderator.PASSWORD);
        String approve = "/api/v1/moderation/comments/{id}/approve";

        session.withCookie().header("Origin", ownOrigin()).when().post(approve, id)
                .then().statusCode(403).contentType(PROBLEM).body("title", equalTo("Cross-site request refused"));
        session.withCookie().header("Origin", ownOrigin()).header("X-CSRF-Token", "forged").when().post(approve, id)
                .then().statusCode(403).contentType(PROBLEM);
        session.withCookie().header("X-CSRF-Token", session.csrf()).header("Origin", "https://evil.example")
                .when().post(approve, id).then().statusCode(403).contentType(PROBLEM);
        session.withCookie().header("X-CSRF-Token", session.csrf()).header("Origin", "null")
                .when().post(approve, id).then().statusCode(403).contentType(PROBLEM);
        session.withCookie().header("X-CSRF-Token", session.csrf()).header("Sec-Fetch-Site", "cross-site")
                .when().post(approve, id).then().statusCode(403).contentType(PROBLEM);
        session.withCookie().contentType(ContentType.JSON).body(Map.of("action", "approve", "ids", new String[] { id }))
                .when().post("/api/v1/moderation/comments/bulk").then().statusCode(403);
        assertEquals("pending", Moderator.statusOf(id), "nothing was changed by the refused requests");

        session.asConsole().when().post(approve, id).then().statusCode(200).body("status", equalTo("approved"))
                .body("decidedBy", equalTo("admin"));
        session.withCookie().when().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200);
    }

    @Test
    void aSignInFromAnotherSiteIsRefused() {
        Response crossSite = given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in");
        // Refused by CORS already (an origin that is not an article page's), or by the console's own check.
        crossSite.then().statusCode(403);
        assertNull(crossSite.getCookie(ConsoleCookies.SESSION));
        Response unknownSite = given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in");
        unknownSite.then().statusCode(403).body(containsString("did not come from the console"));
        assertNull(unknownSite.getCookie(ConsoleCookies.SESSION));
        // An article page's origin may call the API (CORS), but it is not the console's.
        Response articlePage = given().redirects().follow(false).header("Origin", "https://news.example.com")
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in");
        articlePage.then().statusCode(403);
        assertNull(articlePage.getCookie(ConsoleCookies.SESSION));
    }

    @Test
    void signingOutEndsTheSessionAndNeedsTheCsrfToken() {
        var session = signIn(Moderator.USERNAME, Moderator.PASSWORD);
        session.withCookie().redirects().follow(false).header("Origin", ownOrigin())
                .when().post("/console/sign-out").then().statusCode(403);
        session.withCookie().when().get(STATS).then().statusCode(200);

        session.withCookie().redirects().follow(false).header("Origin", ownOrigin()).formParam("csrf", session.csrf())
                .when().post("/console/sign-out").then().statusCode(303).header("Location", startsWith("/console/"))
                .header("Set-Cookie", containsString("Max-Age=0"));
        session.withCookie().when().get(STATS).then().statusCode(401).contentType(PROBLEM);
        session.withCookie().when().get("/console/").then().statusCode(200)
                .body(containsString("Your session has ended"), containsString("action=\"/console/sign-in\""));
    }

    @Test
    void aStrangersWrongPasswordsDoNotLockOutTheModeratorsDevice() {
        String username = ConsoleSignIns.freshUsername();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "moderators-password", "role", "moderator"))
                .when().post("/api/v1/admin/moderators").then().statusCode(201);
        String device = signIn(username, "moderators-password").device();
        assertNotNull(device);

        for (int i = 0; i < 10; i++) {
            postSignIn(username, "guess-" + i, Map.of()).then().statusCode(401);
        }
        postSignIn(username, "moderators-password", Map.of()).then().statusCode(429)
                .header("Retry-After", not(equalTo(null))).body(containsString("Too many failed sign-ins"));
        given().auth().preemptive().basic(username, "moderators-password").when().get(STATS)
                .then().statusCode(429).contentType(PROBLEM);

        // The moderator's browser signed in before: its device cookie lets it through, form and Basic alike.
        postSignIn(username, "moderators-password", Map.of("comments_device", device)).then().statusCode(303);
        given().cookie("comments_device", device).auth().preemptive().basic(username, "moderators-password")
                .when().get(STATS).then().statusCode(200);
        // A device cookie of another username is no pass.
        String adminsDevice = signIn(Moderator.USERNAME, Moderator.PASSWORD).device();
        postSignIn(username, "moderators-password", Map.of("comments_device", adminsDevice)).then().statusCode(429);
        postSignIn(username, "moderators-password", Map.of("comments_device", device + "x")).then().statusCode(429);
    }

    @Test
    void aDeletedAccountsSessionEnds() {
        String username = ConsoleSignIns.freshUsername();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "moderators-password", "role", "moderator"))
                .when().post("/api/v1/admin/moderators").then().statusCode(201);
        var session = signIn(username, "moderators-password");
        session.withCookie().when().get(STATS).then().statusCode(200);
        session.withCookie().when().get("/api/v1/admin/moderators").then().statusCode(403);
        asAdmin().when().delete("/api/v1/admin/moderators/{u}", username).then().statusCode(204);
        session.withCookie().when().get(STATS).then().statusCode(401);
    }

    @Test
    void theConsoleIsInTheOpenApiDocument() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/console/sign-in'.post.responses.'429'.description", containsString("Locked out"))
                .body("paths.'/console/sign-out'.post.responses.'303'", not(equalTo(null)))
                .body("components.securitySchemes.consoleSession.in", equalTo("cookie"));
    }

    @Test
    void anAuthorizationHeaderWinsOverTheCookieAndNeedsNoCsrfToken() {
        String id = aComment().pending();
        var session = signIn(Moderator.USERNAME, Moderator.PASSWORD);
        session.withCookie().auth().preemptive().basic(Moderator.USERNAME, Moderator.PASSWORD)
                .when().post("/api/v1/moderation/comments/{id}/approve", id).then().statusCode(200);
        asAdmin().when().get("/api/v1/moderation/audit?commentId={id}", id).then()
                .body("entries.moderator", hasItem("admin"));
    }
}
