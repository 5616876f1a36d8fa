package bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The service's durability, written small: H2 keeps commits in memory and its background writer
 * stores them every 500 ms (WRITE_DELAY, H2's default); a POST is answered only once an MVStore
 * store that started after its transaction committed has finished. A group commit: one store
 * carries every request that was waiting for it.
 *
 * <p>Each caller takes a ticket after its commit. Whoever gets the lock and finds its ticket not yet
 * covered reads the highest ticket taken so far, stores, and records that ticket as covered: every
 * ticket up to it was taken after its commit, so before the store started. Callers queued on the
 * lock meanwhile find themselves covered and return without a store of their own.
 */
@ApplicationScoped
public class GroupStore {

    private static final int WRITE_DELAY_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private final AtomicLong tickets = new AtomicLong();
    private final Object lock = new Object();
    /** Highest ticket whose commit a finished store carried; guarded by {@link #lock}. */
    private long storedThrough;
    private volatile MVStore store;

    GroupStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY " + WRITE_DELAY_MILLIS);   // the default, stated
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            store = session.getDatabase().getStore().getMvStore();
        }
    }

    /** Call after the transaction committed: returns once a store that started after it has finished. */
    public void awaitStored() {
        long ticket = tickets.incrementAndGet();
        synchronized (lock) {
            if (storedThrough < ticket) {
                long covered = tickets.get();
                store.commit();   // throws if it fails: the request is then answered 500, not 201
                storedThrough = covered;
            }
        }
    }
}
