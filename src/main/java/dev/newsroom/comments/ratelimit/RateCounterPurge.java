package dev.newsroom.comments.ratelimit;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Deletes counters whose window has ended: they count nothing any more. Any instance may run it. */
@ApplicationScoped
class RateCounterPurge {

    private final EntityManager entityManager;
    private final Clock clock;

    RateCounterPurge(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeEnded() {
        int purged = entityManager.createQuery("delete from RateCounter c where c.windowEnd < :now")
                .setParameter("now", clock.instant())
                .executeUpdate();
        Log.debugf("Purged %d ended rate counters", purged);
    }
}
