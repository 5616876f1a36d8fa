package dev.newsroom.comments.captcha;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes spent-token records whose tokens have expired: an expired token is refused on its
 * signature alone, so its record has no more work to do. Any instance may run it.
 */
@ApplicationScoped
class SpentCaptchaPurge {

    /** Kept a little past expiry so an instance with a slow clock still sees the record. */
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final EntityManager entityManager;
    private final Clock clock;

    SpentCaptchaPurge(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        int purged = entityManager.createQuery("delete from SpentCaptcha s where s.expiresAt < :cutoff")
                .setParameter("cutoff", clock.instant().minus(GRACE))
                .executeUpdate();
        Log.debugf("Purged %d expired captcha records", purged);
    }
}
