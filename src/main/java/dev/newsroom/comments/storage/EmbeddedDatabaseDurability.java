package dev.newsroom.comments.storage;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes the embedded H2 database write a request's commits before the service answers it, so a
 * {@code kill -9} right after a 202 loses nothing. PostgreSQL needs nothing: it commits durably.
 *
 * <p>H2 keeps commits in memory and writes them from a background thread every
 * {@value #WRITE_DELAY_MILLIS} ms. {@code WRITE_DELAY 0} would write each commit on its own
 * instead, but those writes take H2's store lock one at a time, each a chunk of every page the
 * commit changed: posts per second were bounded by one chunk write each (about 630/s on two
 * cores). So commits stay in memory, and before a state-changing request (POST, PUT, PATCH,
 * DELETE) is answered, its thread waits for a store that started after its commit: one
 * {@link GroupCommit} store carries the commits of every request waiting for it. Writes that no
 * client waits for (scheduled purges, throttle counters of GET requests) are stored by H2's
 * own background writer within the delay. {@code DurabilityIT} kills the service under load and
 * finds every acknowledged comment.
 *
 * <p>A store reaches the operating system, not the disk, as {@code WRITE_DELAY 0} did: a process
 * crash loses nothing; a power cut may lose the last second. README "Durability" says so.
 */
@ApplicationScoped
class EmbeddedDatabaseDurability {

    /** H2's default: how often the background writer stores what no request waited for. */
    static final int WRITE_DELAY_MILLIS = 500;
    private static final Set<String> READ_ONLY_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final DataSource dataSource;
    /** Empty on PostgreSQL and in-memory H2: nothing to wait for. */
    private volatile Optional<GroupCommit> groupCommit = Optional.empty();

    EmbeddedDatabaseDurability(@ActiveDataSource DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = EmbeddedFileStore.behind(connection);
            if (store.isEmpty()) {
                return;
            }
            writeInBackground(connection);
            groupCommit = Optional.of(new GroupCommit(() -> store(store.get())));
        }
        Log.debug("H2 group commit: requests that change data are answered once their commits are stored");
    }

    /**
     * Turns H2's background writer on: besides storing what no request waits for, it rewrites the
     * live pages of sparse chunks so old chunks empty and go (EmbeddedDatabaseHousekeepingTest shows
     * the file without it). The setting is kept in the database file, and files written before
     * group commit say 0, so it is set at every start.
     */
    private static void writeInBackground(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY " + WRITE_DELAY_MILLIS);
        }
    }

    /**
     * Runs on the request's worker thread after the endpoint returned, so after its transaction
     * committed (services own their transactions), and before anything is sent.
     */
    @ServerResponseFilter
    void answerOnceStored(ContainerRequestContext request) {
        if (groupCommit.isPresent() && !READ_ONLY_METHODS.contains(request.getMethod())) {
            groupCommit.get().awaitStore();
        }
    }

    /** A store that fails leaves the request unacknowledged: 503, as for any unreachable database. */
    private static void store(MVStore store) {
        try {
            store.commit();
        } catch (IllegalStateException closedOrBroken) {
            throw new IllegalStateException("the embedded database could not store the commit",
                    new SQLNonTransientConnectionException(closedOrBroken.getMessage(), "08006", closedOrBroken));
        }
    }
}
