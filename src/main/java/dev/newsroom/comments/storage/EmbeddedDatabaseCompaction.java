package dev.newsroom.comments.storage;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Does for the embedded H2 file what H2's background writer would do, had {@code WRITE_DELAY 0}
 * (see {@link EmbeddedDatabaseDurability}) not switched that thread off.
 *
 * <p>Each synchronous commit writes its own chunk holding every page it changed, around 30 KB
 * for a comment. Old chunks keep a few live pages each, so without something rewriting them
 * none is ever freed: measured, 60,000 single-comment commits left a 1.8 GB file at 2% fill and
 * one chunk object per commit in the heap, without bound. Rewriting the sparse chunks' live pages
 * into new ones lets H2 free the old ones once they are older than its retention time (45 s,
 * kept as it is: the time the operating system gets to flush them before they are reused), and
 * moving live chunks into the holes lets the file shrink again. The heap then holds about 45
 * seconds of commits' chunk metadata, however long the service runs.
 */
@ApplicationScoped
class EmbeddedDatabaseCompaction {

    /** H2's own writer starts rewriting when live data falls below this share of the chunks. */
    static final int TARGET_FILL_PERCENT = 80;
    /** Enough for several seconds of commits at full write speed, bounded to keep each run short. */
    static final int MAX_BYTES_PER_RUN = 8 * 1024 * 1024;
    /** Below this share of the file in use, live chunks are moved down into the free space (H2's default). */
    static final int FILE_FILL_PERCENT = 90;
    static final long MAX_BYTES_MOVED_PER_RUN = 16L * 1024 * 1024;

    private final DataSource dataSource;

    EmbeddedDatabaseCompaction(@ActiveDataSource DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "1s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            compact(connection);
        }
    }

    /**
     * Rewrites sparse chunks of the H2 file store behind the connection; does nothing on
     * PostgreSQL, in-memory or client-server H2. The freed chunks are dropped at a later commit.
     *
     * @return whether anything was rewritten
     */
    static boolean compact(Connection connection) throws SQLException {
        Optional<MVStore> store = embeddedFileStore(connection);
        if (store.isEmpty()) {
            return false;
        }
        boolean rewritten = store.get().compact(TARGET_FILL_PERCENT, MAX_BYTES_PER_RUN);
        // Freed chunks leave holes; H2's writer moves live chunks into them so the file can shrink.
        // (It syncs the file before it overwrites or truncates anything.)
        if (store.get().getFillRate() < FILE_FILL_PERCENT
                && store.get().getFileStore() instanceof RandomAccessStore file) {
            file.compactMoveChunks(101, MAX_BYTES_MOVED_PER_RUN, store.get());
        }
        if (rewritten) {
            Log.tracef("H2 chunks rewritten; chunk fill now %d%%", store.get().getFileStore().getChunksFillRate());
        }
        return rewritten;
    }

    private static Optional<MVStore> embeddedFileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isReadOnly() || store.isClosed() ? Optional.empty() : Optional.of(store);
    }
}
