package dev.newsroom.comments.event;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Forgets events older than {@link EventsConfig#retention()}, with the other housekeeping's rhythm. */
@ApplicationScoped
class EventRetention {

    private final EntityManager entityManager;
    private final EventsConfig config;
    private final Clock clock;

    EventRetention(EntityManager entityManager, EventsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "6m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void apply() {
        int forgotten = entityManager.createQuery("delete from Event e where e.occurredAt < :cutoff"
                + " and e.position is not null").setParameter("cutoff", clock.instant().minus(config.retention()))
                .executeUpdate();
        Log.infof("Retention: forgot %d events", forgotten);
    }
}
