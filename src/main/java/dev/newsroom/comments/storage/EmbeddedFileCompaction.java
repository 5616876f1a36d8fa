package dev.newsroom.comments.storage;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;

/**
 * Gives the embedded H2 file back the space that sustained writes left in it, once the service is
 * idle. Every group commit store writes a new chunk, and H2 reuses freed space but never moves live
 * chunks on its own while open: after a burst the file stays at its high-water mark, mostly empty
 * (a 10-minute soak left 16 KB of file per comment). H2 compacts only on close; this does the same
 * compaction while open, in short steps, when nothing has been written since the last look, so no
 * request waits behind it in normal use.
 *
 * <p>A step holds H2's store lock for at most {@value #STEP_MILLIS} ms: a write that arrives then
 * waits that long at most. PostgreSQL and in-memory H2 have nothing to compact.
 */
@ApplicationScoped
class EmbeddedFileCompaction {

    /**
     * Compaction starts when less of the file than this is live data (the file is then over twice
     * its data). A compacted file is usually 60–90% live, so a compacted idle file is left alone.
     */
    static final int MIN_LIVE_PERCENT = 50;
    static final int STEP_MILLIS = 1_000;

    private final DataSource dataSource;
    /** The store's version at the last look: unchanged means nothing was written since. */
    private long versionSeen = -1;

    EmbeddedFileCompaction(@ActiveDataSource DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "30s", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compactWhenIdle() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = EmbeddedFileStore.behind(connection);
            if (store.isPresent()) {
                compactWhenIdle(store.get());
            }
        } catch (SQLException | IllegalStateException e) {
            Log.warnf("Compacting the embedded database file failed (%s); trying again later", e.getClass().getSimpleName());
        }
    }

    /** One look: a compaction step if nothing was written since the previous look and the file is sparse. */
    void compactWhenIdle(MVStore store) {
        long version = store.getCurrentVersion();
        boolean idle = version == versionSeen;
        versionSeen = version;
        if (!idle || livePercent(store) >= MIN_LIVE_PERCENT) {
            return;
        }
        long before = store.getFileStore().size();
        int retention = store.getRetentionTime();
        try {
            store.compactFile(STEP_MILLIS);
        } finally {
            // compactFile sets it to 0 for good, as for a store about to close; an open store keeps
            // old chunks for a while, in case the operating system wrote newer ones first.
            store.setRetentionTime(retention);
        }
        versionSeen = store.getCurrentVersion();
        Log.debugf("Compacted the embedded database file: %d → %d KiB", before / 1024, store.getFileStore().size() / 1024);
    }

    /** How much of the file is live data: the share of its blocks in chunks, times the live share of those chunks. */
    static int livePercent(MVStore store) {
        return store.getFileStore().getFillRate() * store.getFileStore().getChunksFillRate() / 100;
    }
}
