package dev.newsroom.comments.embed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page without JavaScript is not a way around the API's per-client limits: its posts count as
 * posts and its captchas as captchas, and a refusal is a page a person can read.
 */
@QuarkusTest
@TestProfile(EmbedRateLimitTest.Limited.class)
class EmbedRateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("embed-limits"));
            config.putAll(Map.of("comments.rate-limit.enabled", "true",
                    "comments.rate-limit.submissions-per-minute", "1",
                    "comments.rate-limit.captchas-per-minute", "3"));
            return config;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("name=\"captchaToken\" value=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("<span class=\"question\">([^<]+)</span>");

    @Test
    void postsAndCaptchasOfThePageCountTowardsTheClientsLimits() {
        String article = Comments.freshArticle();
        post(article, "First.").then().statusCode(303);
        post(article, "Second.").then().statusCode(429).header("Retry-After", notNullValue())
                .header("Cache-Control", "no-store")
                .body(containsString("You are posting comments too quickly. Please wait"),
                        containsString("Second.</textarea>"));
        given().get("/embed/articles/{id}", article).then().statusCode(429)
                .body(containsString("Please try again in a minute."), not(containsString("name=\"captchaToken\"")));
    }

    private static io.restassured.response.Response post(String article, String body) {
        String page = given().get("/embed/articles/{id}", article).then().statusCode(200).extract().asString();
        Map<String, String> form = new HashMap<>(Map.of("name", "Ana", "email", "ana.limits@example.com", "body", body,
                "captchaToken", match(TOKEN, page),
                "captchaAnswer", Integer.toString(Captchas.solve(match(QUESTION, page)))));
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParams(form)
                .post("/embed/articles/{id}", article);
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError(pattern + " not in the page");
        }
        return matcher.group(1);
    }
}
