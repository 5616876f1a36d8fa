package dev.newsroom.comments.comment;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.storage.ActiveDataSource;
import dev.newsroom.comments.testing.DatabaseDump;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
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

    private String dump() throws Exception {
        return DatabaseDump.of(dataSource);
    }
}
