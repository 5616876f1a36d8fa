package dev.newsroom.comments.ratelimit;

import dev.newsroom.comments.comment.BlindIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@link RateCounters} in the shared database, so N instances enforce one limit, not N. Each hit
 * is its own short transaction holding the key's row lock: concurrent hits of one key, on any
 * instance, count one after another. Keys are stored as keyed hashes ({@link BlindIndex}).
 */
@ApplicationScoped
class DatabaseRateCounters implements RateCounters {

    private final EntityManager entityManager;
    private final BlindIndex index;
    private final Clock clock;

    DatabaseRateCounters(EntityManager entityManager, BlindIndex index, Clock clock) {
        this.entityManager = entityManager;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public Tally hit(String key, int limit, Duration window) {
        String hashed = index.request("rate-counter", key);
        try {
            return QuarkusTransaction.requiringNew().call(() -> count(hashed, limit, window));
        } catch (PersistenceException firstInsertRaced) {
            // Another instance inserted this key's first row at the same moment; it exists now.
            return QuarkusTransaction.requiringNew().call(() -> count(hashed, limit, window));
        }
    }

    @Override
    public Optional<Tally> peek(String key) {
        String hashed = index.request("rate-counter", key);
        Instant now = now();
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(entityManager.find(RateCounter.class, hashed))
                .filter(counter -> now.isBefore(counter.windowEnd))
                .map(counter -> new Tally(counter.hits, counter.windowEnd)));
    }

    private Tally count(String hashed, int limit, Duration window) {
        RateCounter counter = entityManager.find(RateCounter.class, hashed, LockModeType.PESSIMISTIC_WRITE);
        Tally next = Tally.next(counter == null ? null : new Tally(counter.hits, counter.windowEnd), now(), limit, window);
        boolean first = counter == null;
        if (first) {
            counter = new RateCounter();
            counter.key = hashed;
        }
        counter.hits = next.hits();
        counter.windowEnd = next.windowEnd();
        if (first) {
            entityManager.persist(counter);
        }
        entityManager.flush();
        return next;
    }

    /** Microseconds: what both databases store, so a value reads back as it was written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
