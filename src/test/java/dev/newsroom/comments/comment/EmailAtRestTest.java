package dev.newsroom.comments.comment;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.storage.ActiveDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a copy of the database shows: no email, in any table, in any form. (In-process: it reads the database.) */
@QuarkusTest
class EmailAtRestTest {

    @Inject
    @ActiveDataSource
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    PlaintextEmailSealing sealing;

    @Inject
    EmailVault vault;

    @Test
    void aDumpOfTheWholeDatabaseContainsNoEmail() throws Exception {
        String email = "at.rest." + System.nanoTime() + "@example.com";
        String id = aComment().withEmail(email).pending();
        asAdmin().get("/api/v1/moderation/comments/{id}", id).then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(email));

        String dump = dump();
        assertTrue(dump.contains(id), "the dump holds the comment");
        assertFalse(dump.toLowerCase().contains(email.toLowerCase()), "no email in the database");
        assertFalse(dump.contains(email.substring(0, email.indexOf('@'))), "not even its local part");
    }

    @Test
    void emailsStoredInPlainTextByEarlierVersionsAreSealed() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = "legacy." + System.nanoTime() + "@example.com";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into comment (id, article_id,"
                + " author_name, email, body, status, reasons, created_at, updated_at, version) values (?1, 'legacy',"
                + " 'Old Reader', ?2, 'old text', 'pending', '', ?3, ?3, 0)")
                .setParameter(1, id).setParameter(2, email).setParameter(3, Instant.now()).executeUpdate());

        QuarkusTransaction.requiringNew().run(sealing::sealBatch);

        assertFalse(dump().contains(email));
        String sealed = QuarkusTransaction.requiringNew().call(() -> entityManager.find(Comment.class, id).sealedEmail());
        assertEquals(email, vault.open(sealed, id));
    }

    @Test
    void aSealedEmailDoesNotOpenForAnotherRow() {
        String sealed = vault.seal("someone@example.com", "row-1");
        assertEquals("someone@example.com", vault.open(sealed, "row-1"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> vault.open(sealed, "row-2"));
        assertTrue(!vault.seal("someone@example.com", "row-1").equals(sealed), "a fresh nonce every time");
    }

    /** Every value of every row of every table of the service, as text (portable: H2 and PostgreSQL). */
    private String dump() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
                while (found.next()) {
                    String schema = found.getString("TABLE_SCHEM");
                    if (!schema.equalsIgnoreCase("INFORMATION_SCHEMA") && !schema.equalsIgnoreCase("pg_catalog")) {
                        tables.add('"' + schema + "\".\"" + found.getString("TABLE_NAME") + '"');
                    }
                }
            }
            assertTrue(tables.stream().anyMatch(table -> table.toLowerCase().endsWith(".\"comment\"")), tables.toString());
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            dump.append(rows.getString(column)).append('\t');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}
