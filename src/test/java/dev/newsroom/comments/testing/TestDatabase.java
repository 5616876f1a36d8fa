package dev.newsroom.comments.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The database every test runs against. {@code mvn verify} runs the whole suite twice: on the
 * embedded H2 default, and with {@code -Dtesting.database=postgresql} (the second surefire
 * and failsafe executions of the pom) on a real PostgreSQL server, in a database created fresh
 * for each Quarkus start and dropped afterwards.
 *
 * <p>The server is {@code testing.postgresql.url} (default: the local server's {@code test}
 * database, user postgres, trust auth, as on the CI machines); only its address is reused.
 */
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER_URL = System.getProperty("testing.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("testing.postgresql.user", "postgres");

    private String database;

    /** Whether this run of the suite is the PostgreSQL one. */
    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty("testing.database", "h2").toLowerCase(Locale.ROOT));
    }

    /**
     * Configuration for a test profile that needs a database of its own. On H2 that is a separate
     * in-memory database (the default one outlives its Quarkus instance); on PostgreSQL every
     * Quarkus start already gets a fresh database.
     */
    public static Map<String, String> isolated(String name) {
        return isPostgresql() ? Map.of() : Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    public Map<String, String> start() {
        if (!isPostgresql()) {
            return Map.of();
        }
        database = createPostgresqlDatabase();
        return Map.of("quarkus.datasource.jdbc.url", urlOf(database), "quarkus.datasource.username", USER);
    }

    @Override
    public void stop() {
        if (database != null) {
            dropPostgresqlDatabase(database);
            database = null;
        }
    }

    /** Creates an empty database on the test server and returns its name. */
    public static String createPostgresqlDatabase() {
        String name = "comments_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public static void dropPostgresqlDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The JDBC URL of a database on the test server. */
    public static String urlOf(String database) {
        return SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + database;
    }

    public static String user() {
        return USER;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + " (user " + USER + "): " + sql, e);
        }
    }
}
