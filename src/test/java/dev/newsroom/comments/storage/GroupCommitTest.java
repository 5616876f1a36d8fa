package dev.newsroom.comments.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A request is answered only after a store that began after its commit; one store serves many. */
@Timeout(20)
class GroupCommitTest {

    /** Every caller on its own thread: they block, which a small shared pool could not take. */
    private static final Executor NEW_THREAD = runnable -> new Thread(runnable).start();

    /** Counts stores; the first one can be held open until the test releases it, and made to fail. */
    private static final class HeldStore implements Runnable {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile RuntimeException firstFailure;

        @Override
        public void run() {
            if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (firstFailure != null) {
                    throw firstFailure;
                }
            }
        }
    }

    @Test
    void aLoneCallerRunsOneStoreItself() {
        AtomicInteger runs = new AtomicInteger();
        GroupCommit commit = new GroupCommit(runs::incrementAndGet);

        commit.awaitStore();
        commit.awaitStore();

        assertEquals(2, runs.get(), "each call needs a store that started after it");
    }

    @Test
    void aCallerArrivingDuringAStoreWaitsForTheNextOne() throws Exception {
        HeldStore store = new HeldStore();
        GroupCommit commit = new GroupCommit(store);
        CompletableFuture<Void> first = leadAHeldStore(commit, store);

        // Its commit came after the running store took its snapshot.
        CompletableFuture<Integer> late = CompletableFuture.supplyAsync(() -> {
            commit.awaitStore();
            return store.runs.get();
        }, NEW_THREAD);
        awaitWaiting(commit, 1);
        assertFalse(late.isDone());
        store.releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertEquals(2, late.get(10, TimeUnit.SECONDS), "answered only after the second store");
    }

    @Test
    void everyoneWaitingDuringAStoreSharesTheNextOne() throws Exception {
        HeldStore store = new HeldStore();
        GroupCommit commit = new GroupCommit(store);
        CompletableFuture<Void> first = leadAHeldStore(commit, store);

        List<CompletableFuture<Void>> group = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            group.add(CompletableFuture.runAsync(commit::awaitStore, NEW_THREAD));
        }
        awaitWaiting(commit, 10);
        store.releaseFirst.countDown();

        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(group.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(2, store.runs.get(), "ten waiting commits, one store");
    }

    @Test
    void aFailedStoreFailsItsLeaderAndAFollowerStoresAgain() throws Exception {
        HeldStore store = new HeldStore();
        store.firstFailure = new IllegalStateException("disk gone");
        GroupCommit commit = new GroupCommit(store);
        CompletableFuture<Void> leader = leadAHeldStore(commit, store);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(commit::awaitStore, NEW_THREAD);
        awaitWaiting(commit, 1);
        store.releaseFirst.countDown();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> leader.get(10, TimeUnit.SECONDS));
        assertSame(store.firstFailure, failed.getCause());
        follower.get(10, TimeUnit.SECONDS);
        assertEquals(2, store.runs.get(), "the follower was not answered on the failed store");
    }

    /** The first caller, who leads the first store; returns once that store is running and held. */
    private static CompletableFuture<Void> leadAHeldStore(GroupCommit commit, HeldStore store)
            throws InterruptedException {
        CompletableFuture<Void> first = CompletableFuture.runAsync(commit::awaitStore, NEW_THREAD);
        assertTrue(store.firstStarted.await(10, TimeUnit.SECONDS));
        return first;
    }

    private static void awaitWaiting(GroupCommit commit, int callers) throws InterruptedException {
        while (commit.waiting() < callers) {
            Thread.sleep(1);
        }
    }
}
