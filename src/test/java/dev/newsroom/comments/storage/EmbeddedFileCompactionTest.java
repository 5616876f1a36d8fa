package dev.newsroom.comments.storage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file as a flood of posts leaves it: one store per commit, each adding a row and bumping a
 * tally, so every chunk keeps a few live pages among many dead ones. The job brings it near its
 * data and keeps every row; a file that is mostly live data is left as it is.
 */
class EmbeddedFileCompactionTest {

    private static final int POSTS = 3_000;

    @TempDir
    Path directory;

    private Connection connection;
    private MVStore store;
    private final EmbeddedFileCompaction compaction = new EmbeddedFileCompaction(null);

    @BeforeEach
    void aFileWrittenByAFloodOfPosts() throws SQLException {
        // RETENTION_TIME=0: chunks may be rewritten at once, as they may in the service once 45 s old.
        connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("comments")
                + ";RETENTION_TIME=0;WRITE_DELAY=0", "sa", "");
        store = EmbeddedFileStore.behind(connection).orElseThrow();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table note(id bigint primary key, article varchar(40), body varchar(1000))");
            statement.execute("create index note_article on note(article, id)");
            statement.execute("create table tally(article varchar(40) primary key, notes bigint)");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into note(id, article, body) values (?, ?, ?)");
                PreparedStatement tally = connection.prepareStatement(
                        "merge into tally(article, notes) key(article) values (?, coalesce((select notes from tally where article = ?), 0) + 1)")) {
            for (int i = 0; i < POSTS; i++) {
                String article = "article-" + (i % 50);
                insert.setLong(1, i);
                insert.setString(2, article);
                insert.setString(3, "a reader's comment ".repeat(20));
                insert.executeUpdate();
                tally.setString(1, article);
                tally.setString(2, article);
                tally.executeUpdate();
                store.commit(); // one store per post, as group commit stores under load
            }
        }
    }

    @Test
    void aSparseFileComesNearItsDataAndKeepsItsRows() throws SQLException {
        long before = store.getFileStore().size();
        assertThat("live data before, % of the file", EmbeddedFileCompaction.livePercent(store),
                lessThan(EmbeddedFileCompaction.BUSY_LIVE_PERCENT));

        for (int look = 0; look < 10; look++) {
            compaction.look(store);
        }

        assertThat("live data after, % of the file", EmbeddedFileCompaction.livePercent(store),
                greaterThanOrEqualTo(EmbeddedFileCompaction.IDLE_LIVE_PERCENT));
        assertThat("file bytes after", store.getFileStore().size(), lessThan(before / 4));
        assertEquals(POSTS, count("select count(*) from note"));
        assertEquals(POSTS, count("select sum(notes) from tally"));
    }

    @Test
    void aFileMostlyOfLiveDataIsLeftAlone() {
        for (int look = 0; look < 10; look++) {
            compaction.look(store);
        }
        long compacted = store.getFileStore().size();
        long version = store.getCurrentVersion();

        compaction.look(store);

        assertEquals(compacted, store.getFileStore().size());
        assertEquals(version, store.getCurrentVersion(), "nothing was rewritten");
    }

    private long count(String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }
}
