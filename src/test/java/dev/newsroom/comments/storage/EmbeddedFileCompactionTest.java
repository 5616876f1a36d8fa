package dev.newsroom.comments.storage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that writes left sparse (thousands of small stores, most of their rows gone) shrinks once
 * the job has seen two looks in a row without a write, and keeps every row; while writes go on it
 * is left alone.
 */
class EmbeddedFileCompactionTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path directory;

    private Connection connection;
    private MVStore store;
    private final EmbeddedFileCompaction compaction = new EmbeddedFileCompaction(null);

    @BeforeEach
    void aSparseFile() throws SQLException {
        // RETENTION_TIME=0 frees emptied chunks at once, as 45 s of waiting would in the service.
        connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("comments")
                + ";RETENTION_TIME=0;WRITE_DELAY=0", "sa", "");
        store = EmbeddedFileStore.behind(connection).orElseThrow();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table note(id bigint primary key, body varchar(1000))");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into note(id, body) values (?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setLong(1, i);
                insert.setString(2, "comment ".repeat(100));
                insert.executeUpdate();
                store.commit(); // one chunk per commit, as group commit writes them under load
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from note where mod(id, 10) <> 0");
        }
        store.commit();
    }

    @Test
    void anIdleSparseFileShrinksAndKeepsItsRows() throws SQLException {
        long before = store.getFileStore().size();
        assertThat("live data before, % of the file", EmbeddedFileCompaction.livePercent(store),
                lessThan(EmbeddedFileCompaction.MIN_LIVE_PERCENT));
        int retention = store.getRetentionTime();

        compaction.compactWhenIdle(store); // first look: notes the version
        compaction.compactWhenIdle(store); // nothing written since: compacts

        assertThat("file bytes after", store.getFileStore().size(), lessThan(before / 2));
        assertEquals(ROWS / 10, rows());
        assertEquals(retention, store.getRetentionTime(), "H2's retention time is restored");
    }

    @Test
    void aFileBeingWrittenIsLeftAlone() throws SQLException {
        long before = store.getFileStore().size();

        compaction.compactWhenIdle(store);
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into note(id, body) values (" + ROWS + ", 'one more')");
        }
        store.commit();
        long written = store.getFileStore().size();
        compaction.compactWhenIdle(store);

        assertThat("file bytes", written, org.hamcrest.Matchers.greaterThanOrEqualTo(before));
        assertEquals(written, store.getFileStore().size());
    }

    private long rows() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("select count(*) from note")) {
            count.next();
            return count.getLong(1);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws SQLException {
        connection.close();
    }
}
