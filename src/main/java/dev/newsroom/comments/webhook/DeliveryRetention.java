package dev.newsroom.comments.webhook;

import dev.newsroom.comments.event.EventsConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Forgets deliveries as old as the events forgotten with them ({@code COMMENTS_EVENTS_RETENTION}). */
@ApplicationScoped
class DeliveryRetention {

    private final Deliveries deliveries;
    private final EventsConfig config;
    private final Clock clock;

    DeliveryRetention(Deliveries deliveries, EventsConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void apply() {
        int forgotten = deliveries.forgetCreatedBefore(clock.instant().minus(config.retention()));
        Log.infof("Retention: forgot %d webhook deliveries", forgotten);
    }
}
