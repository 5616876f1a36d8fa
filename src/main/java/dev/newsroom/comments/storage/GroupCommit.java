package dev.newsroom.comments.storage;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: many committed transactions made durable by one store. A caller that has committed
 * waits for a store that <em>started</em> after it called, since a store already running may have
 * begun before its commit. Whoever finds no store running becomes the leader and runs the next one
 * for everyone waiting; the others sleep until it ends. Under load each store then carries every
 * commit made while the previous one ran, so the number of stores per second stays about the same
 * while the commits in each grow with the load.
 *
 * <p>A store that fails wakes its followers without counting as done: one of them leads a new
 * attempt, and the failure reaches the leader's caller, whose request is then not acknowledged.
 */
final class GroupCommit {

    private final Runnable store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition storeEnded = lock.newCondition();
    /** Stores begun so far; the number of the running one while {@link #storing}. */
    private long started;
    /** The latest store that finished successfully. Every store before it finished too. */
    private long finished;
    private boolean storing;

    /** @param store writes everything committed so far; runs on the leader's thread, one at a time */
    GroupCommit(Runnable store) {
        this.store = store;
    }

    /** Returns once a store that started after this call has finished. */
    void awaitStore() {
        lock.lock();
        try {
            long needed = started + 1;
            while (finished < needed) {
                if (storing) {
                    storeEnded.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Callers asleep until the running store ends (the tests watch it). */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(storeEnded);
        } finally {
            lock.unlock();
        }
    }

    /** Runs one store outside the lock, so commits and new waiters keep arriving meanwhile. */
    private void lead() {
        storing = true;
        long number = ++started;
        boolean stored = false;
        lock.unlock();
        try {
            store.run();
            stored = true;
        } finally {
            lock.lock();
            storing = false;
            if (stored) {
                finished = number;
            }
            storeEnded.signalAll();
        }
    }
}
