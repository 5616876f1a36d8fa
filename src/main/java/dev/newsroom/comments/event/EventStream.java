package dev.newsroom.comments.event;

import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open Server-Sent Events stream: its position in the log and what its client asked for. It
 * sends only as many events as the client has room for (the emitter's requests, which the HTTP
 * layer makes as writes complete), so a slow client just falls behind, and catches up from the log.
 * Every change of state runs in {@link #pump}'s loop, one thread at a time.
 */
final class EventStream {

    private final EventStreams hub;
    private final MultiEmitter<? super OutboundSseEvent> emitter;
    private final Sse sse;
    private final String type;
    private final AtomicInteger work = new AtomicInteger();
    private final ArrayDeque<EventStreams.Recent> backlog = new ArrayDeque<>();
    private long position;
    private volatile boolean reading;
    /** A page read from the log, handed over from the reading thread. */
    private volatile List<EventStreams.Recent> fetched;
    private volatile boolean heartbeatDue;
    private volatile boolean ending;

    EventStream(EventStreams hub, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, long after, String type) {
        this.hub = hub;
        this.emitter = emitter;
        this.sse = sse;
        this.position = after;
        this.type = type;
    }

    void heartbeat() {
        heartbeatDue = true;
        pump();
    }

    void end() {
        ending = true;
        pump();
    }

    /** Sends what there is and the client can take; called whenever either may have changed. */
    void pump() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        do {
            drain();
        } while (work.decrementAndGet() != 0);
    }

    private void drain() {
        if (emitter.isCancelled()) {
            return;
        }
        if (ending) {
            emitter.complete();
            return;
        }
        while (emitter.requested() > 0) {
            if (heartbeatDue) {
                heartbeatDue = false;
                emitter.emit(sse.newEventBuilder().comment("keep-alive").build());
                continue;
            }
            EventStreams.Recent next = next();
            if (next == null) {
                return;
            }
            position = next.position();
            if (type == null || type.equals(next.type())) {
                emitter.emit(sse.newEventBuilder().id(Long.toString(next.position())).name(next.type())
                        .data(next.json()).build());
            }
        }
    }

    /** The next event from the backlog read from the log, or from the hub's memory; null when none is at hand. */
    private EventStreams.Recent next() {
        List<EventStreams.Recent> page = fetched;
        if (page != null) {
            fetched = null;
            if (page.isEmpty()) {
                // Nothing left in the log up to memory (retention removed it): go on from memory.
                position = Math.max(position, hub.floor());
            }
            backlog.addAll(page);
        }
        if (!backlog.isEmpty()) {
            return backlog.poll();
        }
        if (reading) {
            return null;
        }
        try {
            return hub.nextAfter(position);
        } catch (EventStreams.Behind behind) {
            reading = true;
            hub.readLog(position, this::caughtUp);
            return null;
        }
    }

    private void caughtUp(List<EventStreams.Recent> page) {
        if (page == null) {
            ending = true; // the log could not be read: the client reconnects with Last-Event-ID
        } else {
            fetched = page;
        }
        reading = false;
        pump();
    }
}
