package dev.newsroom.comments.storage;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Chooses the database at runtime, from the JDBC URL the deployment gives: the same jar runs on
 * the embedded H2 file by default and on PostgreSQL when {@code QUARKUS_DATASOURCE_JDBC_URL}
 * starts with {@code jdbc:postgresql:}.
 *
 * <p>Quarkus fixes a datasource's kind and Hibernate dialect at build time, so the build declares
 * both: the default datasource (H2) with persistence unit {@code h2}, and datasource and unit
 * {@code postgresql}, whose URL and credentials default to the default datasource's keys (see
 * application.properties). This source switches exactly one pair on, through Quarkus's runtime
 * {@code active} flags; Flyway and the health checks follow the active datasource. Its ordinal is
 * below application.properties, so an explicit {@code quarkus.datasource."postgresql".active} still wins.
 */
public class DatabaseSelection implements ConfigSourceFactory {

    static final String URL_KEY = "quarkus.datasource.jdbc.url";
    static final int ORDINAL = 150;

    /** The databases one build can run on. */
    public enum Database {
        H2, POSTGRESQL;

        static Database forUrl(String jdbcUrl) {
            String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            if (url.isEmpty() || url.startsWith("jdbc:h2:")) {
                return H2;
            }
            throw new IllegalArgumentException(URL_KEY + " must start with jdbc:h2: (embedded, the default) or "
                    + "jdbc:postgresql: (PostgreSQL); other databases are not supported");
        }

        /** The database behind a connection, for the few statements the two write differently. */
        public static Database of(java.sql.Connection connection) throws java.sql.SQLException {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? POSTGRESQL : H2;
        }
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL_KEY);
        return List.of(new PropertiesConfigSource(activeFlags(Database.forUrl(url.getValue())),
                "comments-database-selection", ORDINAL));
    }

    static Map<String, String> activeFlags(Database database) {
        String h2 = String.valueOf(database == Database.H2);
        String postgresql = String.valueOf(database == Database.POSTGRESQL);
        return Map.of(
                "quarkus.datasource.active", h2,
                "quarkus.hibernate-orm.h2.active", h2,
                "quarkus.datasource.postgresql.active", postgresql,
                "quarkus.hibernate-orm.postgresql.active", postgresql);
    }
}
