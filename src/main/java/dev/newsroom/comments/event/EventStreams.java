package dev.newsroom.comments.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live side of the event log on this instance, shared by every open stream: one reader of the
 * log (every {@value #POLL_MILLIS} ms, and at once when this instance's relay positioned events)
 * keeps the latest {@value #RECENT} events in memory, and wakes the streams. A stream holds only its
 * position: it takes what its client can receive from memory, and reads the log itself only when it
 * is further behind than memory goes (a resume from an old id, or a slow client), on a worker, in
 * pages. No thread waits per stream, and a slow client costs a position, not a queue.
 */
@ApplicationScoped
public class EventStreams {

    static final long POLL_MILLIS = 500;
    static final int RECENT = 2_000;
    static final int PAGE = 200;

    private final EntityManager entityManager;
    private final ConcurrentSkipListMap<Long, Recent> recent = new ConcurrentSkipListMap<>();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pollWanted = new AtomicBoolean();
    /** Every event after this position is in {@link #recent} (or not yet read from the log). */
    private volatile long floor;
    private volatile long lastRead;
    private ScheduledExecutorService poller;
    private ExecutorService readers;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    private final java.time.Duration heartbeat;

    EventStreams(EntityManager entityManager, com.fasterxml.jackson.databind.ObjectMapper json, EventsConfig config,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.heartbeat = config.heartbeat();
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(java.time.Duration.ofSeconds(15)) > 0) {
            throw new IllegalStateException("comments.events.heartbeat must be more than 0 and at most 15 seconds");
        }
        this.json = json;
        registry.gauge("comments.events.streams", streams, Set::size);
    }

    /** An event as a stream sends it: its id, type and JSON, serialised once for every stream. */
    record Recent(long position, String type, String json) {
    }

    void start(@Observes StartupEvent event) {
        lastRead = newestPosition();
        floor = lastRead;
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-streams").daemon().factory());
        poller.scheduleWithFixedDelay(this::pollSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        readers = Executors.newVirtualThreadPerTaskExecutor();
    }

    /** SIGTERM: streams end now, so clients reconnect elsewhere while this instance drains. */
    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        streams.forEach(EventStream::end);
    }

    void stop(@Observes ShutdownEvent event) {
        streams.forEach(EventStream::end);
        if (poller != null) {
            poller.shutdownNow();
            readers.shutdownNow();
        }
    }

    /** This instance's relay gave positions: read them now rather than at the next poll. */
    void positioned(@Observes EventRelay.EventsPositioned positioned) {
        if (poller != null && positioned.lastPosition() > lastRead && pollWanted.compareAndSet(false, true)) {
            try {
                poller.execute(this::pollSafely);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                pollWanted.set(false);
            }
        }
    }

    long floor() {
        return floor;
    }

    /** Where a stream without Last-Event-ID or after starts: after the newest event read. */
    long newest() {
        return lastRead;
    }

    void opened(EventStream stream) {
        streams.add(stream);
    }

    void closed(EventStream stream) {
        streams.remove(stream);
    }

    /** Opens a stream after {@code position} (null: with the next new event), of one type if given. */
    io.smallrye.mutiny.Multi<jakarta.ws.rs.sse.OutboundSseEvent> open(Long position, String type,
            jakarta.ws.rs.sse.Sse sse) {
        return io.smallrye.mutiny.Multi.createFrom().emitter(emitter -> {
            EventStream stream = new EventStream(this, emitter, sse, position == null ? lastRead : position, type);
            emitter.onTermination(() -> closed(stream));
            emitter.onRequest(requested -> stream.pump());
            opened(stream);
            stream.pump();
        });
    }

    /**
     * The next event after {@code position} from memory; {@code null} when there is none yet.
     *
     * @throws Behind when memory no longer reaches back to {@code position}
     */
    Recent nextAfter(long position) {
        if (position < floor) {
            throw Behind.INSTANCE;
        }
        Map.Entry<Long, Recent> next = recent.higherEntry(position);
        return next == null ? null : next.getValue();
    }

    /** A page of the log after {@code position}, for a stream that is behind; runs on a virtual thread. */
    void readLog(long position, java.util.function.Consumer<List<Recent>> then) {
        readers.execute(() -> {
            List<Recent> page;
            try {
                page = QuarkusTransaction.requiringNew().call(() -> read(position, PAGE));
            } catch (RuntimeException e) {
                Log.warnf("Reading the event log for a stream failed (%s)", e.getClass().getSimpleName());
                page = null;
            }
            then.accept(page);
        });
    }

    private List<Recent> read(long after, int limit) {
        return entityManager.createQuery("from Event e where e.position > :after order by e.position", Event.class)
                .setParameter("after", after).setMaxResults(limit).getResultStream()
                .map(event -> new Recent(event.position(), event.type(), write(EventView.of(event))))
                .toList();
    }

    private String write(EventView view) {
        try {
            return json.writeValueAsString(view);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event could not be serialised", e);
        }
    }

    private void pollSafely() {
        pollWanted.set(false);
        try {
            if (streams.isEmpty()) {
                skipToNewest();
                return;
            }
            List<Recent> page;
            do {
                long after = lastRead;
                page = QuarkusTransaction.requiringNew().call(() -> read(after, 500));
                for (Recent event : page) {
                    recent.put(event.position(), event);
                    lastRead = event.position();
                }
                while (recent.size() > RECENT) {
                    floor = recent.pollFirstEntry().getKey();
                }
                if (!page.isEmpty()) {
                    streams.forEach(EventStream::pump);
                }
            } while (page.size() == 500);
        } catch (RuntimeException e) {
            Log.warnf("Reading new events failed (%s); retrying", e.getClass().getSimpleName());
        }
    }

    /**
     * With no stream open, nothing is read or kept: a stream that opens starts after the newest
     * event (as after any poll, an event from the last poll interval may still come first), and one
     * that resumes from an id reads the log. Reading and serialising every event for no reader cost
     * a post 3% more CPU under a flood of posts.
     */
    private void skipToNewest() {
        long newest = newestPosition();
        if (newest > lastRead) {
            recent.clear();
            floor = newest;
            lastRead = newest;
        }
    }

    private long newestPosition() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select coalesce(max(position), 0) from event").getSingleResult()).longValue());
    }

    private void heartbeat() {
        streams.forEach(EventStream::heartbeat);
    }

    /** Thrown by {@link #nextAfter} when a stream must read the log itself. */
    static final class Behind extends RuntimeException {
        static final Behind INSTANCE = new Behind();

        private Behind() {
            super(null, null, false, false);
        }
    }
}
