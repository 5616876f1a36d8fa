package dev.newsroom.comments.webhook;

import dev.newsroom.comments.event.EventsPositionedHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Gives each event its deliveries exactly once: in the transaction of the relay's pass that
 * positions it (if that rolls back, the next pass positions the event and inserts its deliveries
 * again). The dispatcher of this instance wakes when the pass has committed.
 */
@ApplicationScoped
class WebhookFanOut implements EventsPositionedHook {

    private final Deliveries deliveries;
    private final Clock clock;

    WebhookFanOut(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void positioned(long after, long upTo) {
        deliveries.fanOut(after, upTo, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
