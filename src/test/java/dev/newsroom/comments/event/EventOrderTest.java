package dev.newsroom.comments.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * API.md §6: event ids increase in commit order, so a reader paging with {@code after} never misses
 * an event whose transaction took its place in the log early but committed late.
 */
@QuarkusTest
class EventOrderTest {

    @Inject
    EventLog log;

    private List<Event> readAfter(long position) {
        return QuarkusTransaction.requiringNew().call(() -> log.after(position, EventTypes.SETTINGS_CHANGED, 200));
    }

    private long waitForEvents(long after, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Event> events;
        do {
            events = readAfter(after);
            if (events.size() >= count) {
                return events.getLast().position();
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + count + " events after " + after + ", got " + events.size());
    }

    private void append(String marker) {
        log.other(EventTypes.SETTINGS_CHANGED, null, "order-test", Map.of("name", marker, "from", "a", "to", "b"));
    }

    @Test
    void anEventThatCommitsLateIsStillAfterWhatAReaderHasSeen() throws Exception {
        long seen = readAfter(0).stream().mapToLong(Event::position).max().orElse(0);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            // The slow transaction appends first (so it holds the lower insertion number) and commits last.
            Future<?> late = slow.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                append("late");
                appended.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(appended.await(10, TimeUnit.SECONDS));
            QuarkusTransaction.requiringNew().run(() -> append("early"));
            long afterEarly = waitForEvents(seen, 1);
            List<Event> firstRead = readAfter(seen);
            assertEquals(List.of("early"), markers(firstRead), "the uncommitted event is not visible yet");

            release.countDown();
            late.get(10, TimeUnit.SECONDS);
            waitForEvents(afterEarly, 1);
            assertEquals(List.of("late"), markers(readAfter(afterEarly)),
                    "paging on from the last id seen finds the late event");
        } finally {
            release.countDown();
            slow.shutdownNow();
        }
    }

    @Test
    void manyConcurrentWritersGiveUniqueIncreasingIdsAndAReaderFollowingThemMissesNone() throws Exception {
        long seen = readAfter(0).stream().mapToLong(Event::position).max().orElse(0);
        int writers = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> append("w" + writer + "-" + n));
                }
            }));
        }
        // A reader pages along while the writers write, as a webhook relay or a stream would.
        Set<String> read = new HashSet<>();
        List<Long> positions = new ArrayList<>();
        long after = seen;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (read.size() < writers * each && System.nanoTime() < deadline) {
            List<Event> page = readAfter(after);
            for (Event event : page) {
                assertTrue(read.add(markers(List.of(event)).getFirst()), "read twice: " + event.data());
                positions.add(event.position());
                after = event.position();
            }
            if (page.isEmpty()) {
                Thread.sleep(20);
            }
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();
        assertEquals(writers * each, read.size(), "every event was read");
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "ids increase");
    }

    private static List<String> markers(List<Event> events) {
        return events.stream().map(event -> event.data().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1")).toList();
    }
}
