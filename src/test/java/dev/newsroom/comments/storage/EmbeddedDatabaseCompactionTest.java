package dev.newsroom.comments.storage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseCompactionTest {

    private static final int COMMITS = 3_000;

    @TempDir
    Path directory;

    @Test
    void synchronousCommitsLeaveOneChunkEachUntilTheChunksAreCompacted() throws SQLException {
        // RETENTION_TIME=0 lets chunks be rewritten and freed at once, instead of when 45 s old.
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.resolve("comments") + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "")) {
            commitOneRowAtATime(connection);
            long chunksBefore = chunkCount(connection);

            while (EmbeddedDatabaseCompaction.compact(connection)) {
                commitOneRow(connection, 0);
            }
            commitOneRow(connection, 0);

            assertThat("chunks after compaction", chunkCount(connection), lessThan(chunksBefore / 10));
            assertThat("rows kept", rowCount(connection), greaterThan((long) COMMITS));
        }
    }

    @Test
    void anInMemoryDatabaseHasNothingToCompact() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:compaction-test", "sa", "")) {
            assertFalse(EmbeddedDatabaseCompaction.compact(connection));
        }
    }

    private static void commitOneRowAtATime(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table note(id bigint auto_increment primary key, article int, body varchar(1000))");
            statement.execute("create index note_article on note(article, id)");
        }
        for (int i = 0; i < COMMITS; i++) {
            commitOneRow(connection, i);
        }
    }

    /** Like comments: a few hundred characters each, spread over articles, so every commit touches old pages. */
    private static void commitOneRow(Connection connection, int number) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into note(article, body) values (?, ?)")) {
            insert.setInt(1, number % 500);
            insert.setString(2, "comment ".repeat(40));
            insert.executeUpdate();
        }
    }

    private static long chunkCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'info.CHUNK_COUNT'")) {
            settings.next();
            return Long.parseLong(settings.getString(1));
        }
    }

    private static long rowCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from note")) {
            count.next();
            return count.getLong(1);
        }
    }
}
