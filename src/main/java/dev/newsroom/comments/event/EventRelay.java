package dev.newsroom.comments.event;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives committed events their position (V13__event_log.sql explains why the insertion order will
 * not do). Each pass locks the {@code event_relay} row, so one pass runs at a time across all
 * instances, and gives the events it sees without a position the next positions, in insertion
 * order, above every position given before. An event whose transaction commits after a pass gets
 * its position in a later pass, above the ones readers may already have seen.
 *
 * <p>A pass runs {@value #GATHER_MILLIS} ms after a local transaction appended events, taking
 * along those that other transactions append meanwhile, and every {@value #PERIOD_MILLIS} ms for
 * the other instances' events. A pass costs the same for one event as for fifty (it locks a row and
 * runs four statements): under a flood of posts, passes right after each commit were a seventh of
 * the service's CPU (bench/profile-posts.sh). Listeners learn of new positions through
 * {@link EventsPositioned}.
 */
@ApplicationScoped
public class EventRelay {

    static final long PERIOD_MILLIS = 250;
    static final long GATHER_MILLIS = 10;
    private static final int BATCH = 5_000;

    private final EntityManager entityManager;
    private final jakarta.enterprise.event.Event<EventsPositioned> positioned;
    private final jakarta.enterprise.inject.Instance<EventsPositionedHook> hooks;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private ScheduledExecutorService executor;

    EventRelay(EntityManager entityManager, jakarta.enterprise.event.Event<EventsPositioned> positioned,
            jakarta.enterprise.inject.Instance<EventsPositionedHook> hooks) {
        this.entityManager = entityManager;
        this.hooks = hooks;
        this.positioned = positioned;
    }

    /** Positions were given up to {@code lastPosition} (by this instance's relay). */
    public record EventsPositioned(long lastPosition) {
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-relay").daemon().factory());
        executor.scheduleWithFixedDelay(this::passSafely, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** A local transaction committed events: position them soon rather than at the next tick. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventLog.EventsAppended appended) {
        if (executor != null && wanted.compareAndSet(false, true)) {
            try {
                executor.schedule(this::passSafely, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wanted.set(false);
            }
        }
    }

    private void passSafely() {
        wanted.set(false);
        try {
            long last;
            do {
                last = pass();
            } while (last < 0);
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            Log.warnf("Positioning events failed (%s); retrying", e.getClass().getSimpleName());
        }
    }

    /**
     * One pass; answers a negative number when it hit its batch limit and should run again at once.
     */
    long pass() {
        Long done = QuarkusTransaction.requiringNew().call(() -> {
            // Idle passes stop here, without a write transaction or the lock.
            if (entityManager.createNativeQuery("select seq from event where position is null")
                    .setMaxResults(1).getResultList().isEmpty()) {
                return null;
            }
            RelayState state = entityManager.find(RelayState.class, "relay", LockModeType.PESSIMISTIC_WRITE);
            // Read again under the lock: another instance's pass may have positioned them meanwhile.
            List<?> rows = entityManager.createNativeQuery("select seq from event where position is null order by seq")
                    .setMaxResults(BATCH).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            long first = ((Number) rows.getFirst()).longValue();
            long lastSeq = ((Number) rows.getLast()).longValue();
            long offset = state.lastPosition - first + 1;
            int updated = entityManager.createNativeQuery("update event set position = seq + ?1"
                    + " where position is null and seq >= ?2 and seq <= ?3")
                    .setParameter(1, offset).setParameter(2, first).setParameter(3, lastSeq).executeUpdate();
            long before = state.lastPosition;
            state.lastPosition = lastSeq + offset;
            entityManager.flush();
            for (EventsPositionedHook hook : hooks) {
                hook.positioned(before, state.lastPosition);
            }
            return updated == BATCH ? -state.lastPosition : state.lastPosition;
        });
        if (done != null) {
            positioned.fire(new EventsPositioned(Math.abs(done)));
        }
        return done == null ? 0 : done;
    }
}
