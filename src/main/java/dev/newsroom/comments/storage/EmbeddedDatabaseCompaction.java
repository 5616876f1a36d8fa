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

/**
 * Does for the embedded H2 file what H2's background writer would do, had {@code WRITE_DELAY 0}
 * (see {@link EmbeddedDatabaseDurability}) not switched that thread off.
 *
 * <p>Each synchronous commit writes its own chunk holding every page it changed, around 30 KB
 * for a comment. Old chunks keep a few live pages each, so without something rewriting them
 * none is ever freed: measured, 60,000 single-comment commits left a 1.8 GB file at 2% fill and
 * one chunk object per commit in the heap, without bound. Rewriting the sparse chunks' live pages
 * into new ones lets H2 free the old ones once they are older than its retention time (45 s,
 * kept as it is: the time the operating system gets to flush them before they are reused). The
 * file and the heap then hold about 45 seconds of commits plus the data.
 */
@ApplicationScoped
class EmbeddedDatabaseCompaction {

    /** H2's own writer starts rewriting when live data falls below this share of the chunks. */
    static final int TARGET_FILL_PERCENT = 80;
    /** Enough for several seconds of commits at full write speed, bounded to keep each run short. */
    static final int MAX_BYTES_PER_RUN = 8 * 1024 * 1024;

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
        boolean rewritten = store.isPresent() && store.get().compact(TARGET_FILL_PERCENT, MAX_BYTES_PER_RUN);
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
