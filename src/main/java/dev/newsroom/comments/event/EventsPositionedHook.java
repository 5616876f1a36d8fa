package dev.newsroom.comments.event;

/**
 * Work that must happen exactly once per event, in the same transaction that gives events their
 * positions (a webhook's deliveries, for instance): if that transaction rolls back, so does the work,
 * and the next pass does both again.
 */
public interface EventsPositionedHook {

    /** Events with positions in ({@code after}, {@code upTo}] were just positioned in the current transaction. */
    void positioned(long after, long upTo);
}
