package dev.newsroom.comments.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of the comment flow, registered up front so {@code /q/metrics} shows every one of
 * them (at zero) from the first scrape: {@code comments_received_total} and one
 * {@code comments_<status>_total} per status a comment can enter.
 */
@ApplicationScoped
public class CommentMetrics {

    private final Counter received;
    private final Map<CommentStatus, Counter> entered = new EnumMap<>(CommentStatus.class);

    CommentMetrics(MeterRegistry registry) {
        this.received = Counter.builder("comments.received")
                .description("Comments accepted from readers (any status)").register(registry);
        for (CommentStatus status : CommentStatus.values()) {
            entered.put(status, Counter.builder("comments." + status.wireName())
                    .description("Comments that entered the status " + status.wireName()).register(registry));
        }
    }

    public void received(CommentStatus initialStatus) {
        received.increment();
        entered.get(initialStatus).increment();
    }

    public void entered(CommentStatus status) {
        entered.get(status).increment();
    }
}
