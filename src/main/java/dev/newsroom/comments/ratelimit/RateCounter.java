package dev.newsroom.comments.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of {@code rate_counter}: the events of one hashed key in its current window. */
@Entity
@Table(name = "rate_counter")
class RateCounter {

    @Id
    @Column(name = "counter_key")
    String key;

    @Column(nullable = false)
    int hits;

    @Column(name = "window_end", nullable = false)
    Instant windowEnd;
}
