package dev.newsroom.comments.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database of a test that starts the packaged jar itself: in the PostgreSQL run of the suite a
 * fresh PostgreSQL database per test, dropped afterwards; otherwise the jar's own embedded H2 in
 * the test's working directory. {@code @RegisterExtension final JarDatabase database = new JarDatabase();}
 */
public final class JarDatabase implements BeforeEachCallback, AfterEachCallback {

    private String postgresqlDatabase;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (TestDatabase.isPostgresql()) {
            postgresqlDatabase = TestDatabase.createPostgresqlDatabase();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (postgresqlDatabase != null) {
            TestDatabase.dropPostgresqlDatabase(postgresqlDatabase);
            postgresqlDatabase = null;
        }
    }

    /** What the jar's environment needs to use this database (nothing for the embedded default). */
    public Map<String, String> environment() {
        return postgresqlDatabase == null ? Map.of() : ServiceProcess.databaseEnvironment(postgresqlDatabase);
    }
}
