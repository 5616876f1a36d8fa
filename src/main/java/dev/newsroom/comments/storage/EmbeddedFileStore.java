package dev.newsroom.comments.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/** Reaches the H2 MVStore file store under a pooled connection, for what H2's SQL cannot do. */
final class EmbeddedFileStore {

    private EmbeddedFileStore() {
    }

    /**
     * The writable file store of the embedded H2 database behind the connection; empty on
     * PostgreSQL, in-memory H2 and client-server H2.
     */
    static Optional<MVStore> behind(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isReadOnly() || store.isClosed() ? Optional.empty() : Optional.of(store);
    }
}
