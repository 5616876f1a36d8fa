package dev.newsroom.comments.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import dev.newsroom.comments.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a TLS-terminating proxy the service trusts, the console's cookies are Secure. */
@QuarkusTest
@TestProfile(ConsoleBehindHttpsProxyTest.TrustedProxy.class)
class ConsoleBehindHttpsProxyTest {

    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("console-proxy"));
            config.putAll(Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true"));
            return config;
        }
    }

    @Test
    void cookiesAreSecureWhenTheProxySaysHttps() {
        // The proxy's public origin: https on its default port.
        Response signedIn = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("Origin", "https://localhost")
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in");
        signedIn.then().statusCode(303);
        var cookies = signedIn.headers().getValues("Set-Cookie");
        assertTrue(cookies.size() >= 2 && cookies.stream().allMatch(c -> c.contains("; Secure")), cookies.toString());

        // The https page's own origin is https: a plain-http Origin is another origin.
        given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .header("Origin", "http://localhost:" + RestAssured.port)
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in").then().statusCode(403);

        given().redirects().follow(false).header("Origin", "http://localhost:" + RestAssured.port)
                .formParam("username", Moderator.USERNAME).formParam("password", Moderator.PASSWORD)
                .when().post("/console/sign-in").then().statusCode(303)
                .header("Set-Cookie", not(containsString("Secure")));
    }
}
