package dev.newsroom.comments.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code comments_reads_total{source="memory"|"database"}}: readers' lists and counts answered, and
 * where from. Those two routes are left out of {@code http_server_requests} (see
 * application.properties): its timers cost a third of a read answered from memory; a counter costs
 * next to nothing and still shows the volume and how much of it memory takes.
 */
@Singleton
class ReadMetrics {

    private final Counter fromMemory;
    private final Counter fromDatabase;

    ReadMetrics(MeterRegistry registry) {
        this.fromMemory = reads(registry, "memory");
        this.fromDatabase = reads(registry, "database");
    }

    private static Counter reads(MeterRegistry registry, String source) {
        return Counter.builder("comments.reads").tag("source", source)
                .description("Readers' comment lists and counts answered, by where the answer came from")
                .register(registry);
    }

    void answeredFromMemory() {
        fromMemory.increment();
    }

    void answeredFromDatabase() {
        fromDatabase.increment();
    }
}
