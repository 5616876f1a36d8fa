package dev.newsroom.comments.storage;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes the embedded H2 database write every commit before the service answers. H2 buffers
 * commits for 500 ms by default, so a {@code kill -9} right after a 202 could lose the comment.
 * The default JDBC URL already says {@code WRITE_DELAY=0}; this also covers a deployment that
 * moves the database with its own URL and leaves the setting out. (The setting is persistent
 * in the database file.) PostgreSQL needs nothing: it commits durably by default.
 */
@ApplicationScoped
class EmbeddedDatabaseDurability {

    private final DataSource dataSource;

    EmbeddedDatabaseDurability(@ActiveDataSource DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
        }
        Log.debug("H2 writes every commit before the service answers (WRITE_DELAY 0)");
    }
}
