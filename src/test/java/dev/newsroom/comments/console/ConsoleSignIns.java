package dev.newsroom.comments.console;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing into the console over plain HTTP, as the sign-in form does, for the REST Assured tests. */
final class ConsoleSignIns {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    /** A signed-in console session: its cookie, its CSRF token and the device cookie it received. */
    record Session(String cookie, String csrf, String device) {

        /** A request as the console page sends it: the cookie, the CSRF header, its own origin. */
        RequestSpecification asConsole() {
            return withCookie().header("X-CSRF-Token", csrf).header("Origin", ownOrigin());
        }

        RequestSpecification withCookie() {
            return given().cookie(ConsoleCookies.SESSION, cookie);
        }
    }

    private ConsoleSignIns() {
    }

    static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    static String freshUsername() {
        return "console-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response postSignIn(String username, String password, Map<String, String> cookies) {
        return given().redirects().follow(false).header("Origin", ownOrigin()).cookies(cookies)
                .formParam("username", username).formParam("password", password)
                .when().post("/console/sign-in");
    }

    static Session signIn(String username, String password) {
        return signIn(username, password, Map.of());
    }

    static Session signIn(String username, String password, Map<String, String> cookies) {
        Response signedIn = postSignIn(username, password, cookies);
        signedIn.then().statusCode(303);
        String cookie = signedIn.getCookie(ConsoleCookies.SESSION);
        String page = given().cookie(ConsoleCookies.SESSION, cookie).when().get("/console/").then().statusCode(200)
                .extract().asString();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("the console page carries no CSRF token");
        }
        return new Session(cookie, csrf.group(1), signedIn.getCookie("comments_device"));
    }
}
