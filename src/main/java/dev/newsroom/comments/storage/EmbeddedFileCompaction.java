package dev.newsroom.comments.storage;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Gives the embedded H2 file back the space that sustained writes left in it.
 *
 * <p>Why the file grows: H2 never changes a stored page, it writes a new chunk with every page a
 * commit changed, and a chunk's space is reused only once none of its pages is live and it is
 * older than the retention time (45 s). Each group commit store is such a chunk, and most of them
 * keep a few live pages (an index leaf nobody wrote since) long after the rest is dead. After a
 * 150-second flood of posts the file was 2.3 GB, 95% of it chunks, 3% of their bytes live: 71 KB
 * of file per comment. H2's own background writer rewrites such pages only a little at a time, and
 * {@code MVStore.compactFile} (what H2 runs on close) only moves chunks after rewriting every
 * chunk under 90% live, which took minutes on that file.
 *
 * <p>So this job rewrites the live pages of the sparsest chunks, which empties them, and moves the
 * chunks at the end of the file into the gaps, which cuts the file. The same 2.3 GB file went to
 * 98 MB in 5 s this way. A step holds H2's store lock, so a request that changed data waits for it
 * before its answer (group commit). While the store is being written to, a look runs
 * {@link #BUSY_BUDGET} of steps, only when under {@value #BUSY_LIVE_PERCENT}% of the file is live;
 * once fewer than {@value #IDLE_STORES} stores ran since the previous look, {@link #IDLE_BUDGET}, up to
 * {@value #IDLE_LIVE_PERCENT}%. While idle the retention time is 0 during the steps, so the chunks
 * the steps themselves write can be compacted again at once; each step then forces its chunk to disk
 * before the space it freed can be reused, which is what the retention time stands in for. While
 * busy, chunks younger than the retention time cannot be rewritten, so under sustained writes the
 * file holds about 45 seconds of writes besides its data (2.0–2.9 GB in a 10-minute soak). After
 * {@code reliability/soak.sh 600} and two idle minutes the file was 2.2× a compacted copy of the same
 * data (SHUTDOWN COMPACT), against 17× without this job and 4–5× with idle looks of 1 s that waited
 * out the retention time.
 *
 * <p>PostgreSQL and in-memory H2 have nothing to compact.
 */
@ApplicationScoped
class EmbeddedFileCompaction {

    /**
     * While the store is written to, compaction starts below this share of live data in the file (the
     * file is then over twice its data), so it competes with requests only when there is much to gain.
     */
    static final int BUSY_LIVE_PERCENT = 50;
    /** Once writes stop, compaction goes on up to this share, as H2's own idle housekeeping aims for. */
    static final int IDLE_LIVE_PERCENT = 80;
    /**
     * Fewer stores than this since the previous look count as idle: the service's own background
     * writes (the event relay, counters) store now and then; a flood of posts stores hundreds of times.
     */
    static final long IDLE_STORES = 25;
    static final Duration BUSY_BUDGET = Duration.ofMillis(100);
    /** Most of each 5 s while idle: requests still get the lock between steps, which take tens of ms. */
    static final Duration IDLE_BUDGET = Duration.ofSeconds(4);
    /** Live pages rewritten per step: the step's lock time is about what writing them takes. */
    private static final int REWRITE_BYTES = 2 * 1024 * 1024;
    /** Chunk bytes moved towards the start of the file per step. */
    private static final long MOVE_BYTES = 16 * 1024 * 1024;

    private final DataSource dataSource;
    /** The store's version after the last look: each store adds one. */
    private long versionSeen = -1;

    EmbeddedFileCompaction(@ActiveDataSource DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "5s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void look() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = EmbeddedFileStore.behind(connection);
            if (store.isPresent()) {
                look(store.get());
            }
        } catch (SQLException | IllegalStateException e) {
            Log.warnf("Compacting the embedded database file failed (%s); trying again later", e.getClass().getSimpleName());
        }
    }

    /** One look: compaction steps for the budget of a busy or an idle store, while the file is sparse. */
    void look(MVStore store) {
        boolean idle = store.getCurrentVersion() - versionSeen < IDLE_STORES;
        int target = idle ? IDLE_LIVE_PERCENT : BUSY_LIVE_PERCENT;
        long began = System.nanoTime();
        long deadline = began + (idle ? IDLE_BUDGET : BUSY_BUDGET).toNanos();
        long before = store.getFileStore().size();
        int steps = 0;
        int retention = store.getRetentionTime();
        if (idle) {
            // The chunks the steps themselves write would otherwise wait 45 s before they can be
            // rewritten or moved again. Each step forces its chunk to disk before any space it frees
            // can be reused, which is what the retention time stands in for.
            store.setRetentionTime(0);
        }
        // livePercent reads every chunk's counts: measured once per step, after it.
        int live = livePercent(store);
        try {
            while (live < target && System.nanoTime() < deadline) {
                long size = store.getFileStore().size();
                boolean rewrote = step(store, target, idle);
                int liveAfter = livePercent(store);
                boolean gained = rewrote || store.getFileStore().size() < size || liveAfter > live;
                live = liveAfter;
                if (!gained) {
                    break; // no chunk sparse and old enough to rewrite, no chunk to move
                }
                steps++;
            }
        } finally {
            store.setRetentionTime(retention);
        }
        // The steps' own commits change the version: not counted against the next look.
        versionSeen = store.getCurrentVersion();
        if (steps > 0) {
            Log.debugf("Compacted the embedded database file (%s, %d steps, %d ms): %d → %d KiB, %d%% live",
                    idle ? "idle" : "busy", steps, (System.nanoTime() - began) / 1_000_000, before / 1024,
                    store.getFileStore().size() / 1024, live);
        } else if (live < target) {
            Log.debugf("Nothing to compact yet in the embedded database file (%s): %d KiB, %d%% live, %d%% of it in chunks",
                    idle ? "idle" : "busy", before / 1024, live, store.getFileStore().getFillRate());
        }
    }

    /**
     * Empties some sparse chunks and moves chunks from the end of the file into its gaps; true when
     * it rewrote any page.
     */
    private static boolean step(MVStore store, int targetLivePercent, boolean forceToDisk) {
        boolean rewrote = store.compact(targetLivePercent, REWRITE_BYTES);
        if (rewrote) {
            store.commit(); // writes the rewritten pages, so the chunks they came from are dead and freed
            if (forceToDisk) {
                store.sync();
            }
        }
        if (store.getFileStore() instanceof RandomAccessStore file) {
            file.compactMoveChunks(100, MOVE_BYTES, store);
        }
        return rewrote;
    }

    /** How much of the file is live data: the share of its blocks in chunks, times the live share of those chunks. */
    static int livePercent(MVStore store) {
        return store.getFileStore().getFillRate() * store.getFileStore().getChunksFillRate() / 100;
    }
}
