package dev.newsroom.comments.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsroom.comments.storage.DatabaseSelection.Database;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSelectionTest {

    @Test
    void theEmbeddedDatabaseIsTheDefault() {
        assertEquals(Database.H2, Database.forUrl(null));
        assertEquals(Database.H2, Database.forUrl("jdbc:h2:file:./data/comments;DB_CLOSE_ON_EXIT=FALSE"));
    }

    @Test
    void aPostgresqlUrlSelectsPostgresql() {
        assertEquals(Database.POSTGRESQL, Database.forUrl("jdbc:postgresql://db:5432/comments"));
        assertEquals(Database.POSTGRESQL, Database.forUrl(" JDBC:PostgreSQL://db/comments "));
    }

    @Test
    void otherDatabasesStopTheStartWithAClearMessage() {
        var refused = assertThrows(IllegalArgumentException.class, () -> Database.forUrl("jdbc:mysql://db/comments"));
        assertEquals(true, refused.getMessage().contains("jdbc:postgresql:"));
    }

    @Test
    void exactlyOneDatasourceAndPersistenceUnitIsActive() {
        assertEquals(Map.of("quarkus.datasource.active", "false", "quarkus.hibernate-orm.h2.active", "false",
                "quarkus.datasource.postgresql.active", "true", "quarkus.hibernate-orm.postgresql.active", "true"),
                DatabaseSelection.activeFlags(Database.POSTGRESQL));
        assertEquals("true", DatabaseSelection.activeFlags(Database.H2).get("quarkus.datasource.active"));
    }
}
