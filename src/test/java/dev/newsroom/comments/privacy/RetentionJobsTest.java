package dev.newsroom.comments.privacy;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;

import dev.newsroom.comments.testing.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention, with the clock moved 31 days ahead (in-process: it calls the job directly). */
@QuarkusTest
class RetentionJobsTest {

    private final MutableClock clock = new MutableClock(Instant.now());

    @Inject
    RetentionJobs retention;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void useTestClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void spamAndRejectedCommentsGoAfterThirtyDaysPendingOnesStay() {
        String spam = aComment().with("homepage", "bot").pending();
        String rejected = aComment().pending();
        asAdmin().post("/api/v1/moderation/comments/{id}/reject", rejected).then().statusCode(200);
        String pending = aComment().pending();
        String approved = aComment().approved();

        clock.advance(Duration.ofDays(29));
        retention.apply();
        asAdmin().get("/api/v1/moderation/comments/{id}", spam).then().statusCode(200);

        clock.advance(Duration.ofDays(2));
        retention.apply();

        asAdmin().get("/api/v1/moderation/comments/{id}", spam).then().statusCode(404);
        asAdmin().get("/api/v1/moderation/comments/{id}", rejected).then().statusCode(404);
        asAdmin().get("/api/v1/moderation/comments/{id}", pending).then().statusCode(200);
        asAdmin().get("/api/v1/moderation/comments/{id}", approved).then().statusCode(200);
        Long fingerprinted = QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createQuery("select count(c) from Comment c where c.id = :id and c.clientIndex is not null")
                .setParameter("id", pending).getSingleResult());
        Assertions.assertEquals(0L, fingerprinted, "the client fingerprint is forgotten");
    }
}
