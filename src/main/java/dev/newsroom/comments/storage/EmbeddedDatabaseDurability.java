package dev.newsroom.comments.storage;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final String dbKind;

    EmbeddedDatabaseDurability(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.dbKind = dbKind;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (!dbKind.equals("h2")) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
        Log.debug("H2 writes every commit before the service answers (WRITE_DELAY 0)");
    }
}
