package dev.newsroom.comments.migration;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The statistics refresh an import runs as its tables grow: on PostgreSQL the tables are analysed
 * (a planner working from an empty table's statistics scanned every earlier record per batch); on
 * H2, which recounts by itself, it does nothing and fails nothing.
 */
@QuarkusTest
class ImportStatisticsTest {

    @Inject
    ImportWriter writer;

    @Inject
    EntityManager entityManager;

    @Test
    void refreshingTheStatisticsAnalysesTheImportsTablesOnPostgresql() {
        writer.refreshStatistics();

        if (TestDatabase.isPostgresql()) {
            Object analysed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "select last_analyze from pg_stat_user_tables where relname = 'import_record'").getSingleResult());
            assertNotNull(analysed, "import_record analysed");
        }
    }
}
