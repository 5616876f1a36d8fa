package dev.newsroom.comments.submission;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * More first-time authors posting at once than the pool has connections: every comment is taken.
 * (An author's row used to be created in a transaction of its own, which held a second connection
 * while the post held its first; with as many such posts as connections, all of them waited for one
 * and got 503 after the acquisition timeout.) Two first comments of one author at once make one
 * author with both counted.
 */
@QuarkusTest
@TestProfile(FirstTimeAuthorsAtOnceTest.SmallPool.class)
class FirstTimeAuthorsAtOnceTest {

    private static final int POSTERS = 12;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.isolated("small-pool"));
            config.put("quarkus.datasource.jdbc.max-size", "2");
            config.put("quarkus.datasource.jdbc.acquisition-timeout", "3S");
            return config;
        }
    }

    @Test
    void moreNewAuthorsThanConnectionsAreAllTaken() throws Exception {
        String article = Comments.freshArticle();
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < POSTERS; i++) {
            posts.add(post(article, "first.timer." + i + "." + System.nanoTime() + "@example.com", "My first comment, " + i));
        }

        assertEquals(Collections.nCopies(POSTERS, 202), allAtOnce(posts), "every comment held for moderation");
    }

    @Test
    void twoFirstCommentsOfOneAuthorAtOnceMakeOneAuthorWithBoth() throws Exception {
        String article = Comments.freshArticle();
        String email = "twin.tabs." + System.nanoTime() + "@example.com";

        List<Integer> statuses = allAtOnce(List.of(post(article, email, "From the first tab"),
                post(article, email, "From the second tab")));

        assertEquals(List.of(202, 202), statuses);
        String first = asAdmin().get("/api/v1/moderation/comments?status=pending&articleId={a}", article).then()
                .statusCode(200).extract().path("comments[0].id");
        asAdmin().get("/api/v1/moderation/comments/{id}", first).then().statusCode(200)
                .body("author.pending", equalTo(2));
    }

    private static Callable<Integer> post(String article, String email, String body) {
        Captchas.Solved captcha = Captchas.fresh();
        Map<String, String> comment = Map.of("name", "Reader", "email", email, "body", body,
                "captchaToken", captcha.token(), "captchaAnswer", captcha.answerText());
        return () -> given().contentType(ContentType.JSON).body(comment)
                .post("/api/v1/articles/{articleId}/comments", article).then().extract().statusCode();
    }

    /** Runs the posts on threads of their own, released together; their statuses in order. */
    private static List<Integer> allAtOnce(List<Callable<Integer>> posts) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, posts.size()));
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> post : posts) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return post.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
