package dev.newsroom.comments.moderation;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.storage.ActiveDataSource;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.DatabaseDump;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * API.md §5, "Edits": redaction is why moderators edit, so after an edit the old text survives in
 * no row of the database, in no form (in-process: it reads the database). What the database
 * engines keep in free pages until compaction or vacuum is beyond a dump, and beyond this test.
 */
@QuarkusTest
class CommentEditsAtRestTest {

    @Inject
    @ActiveDataSource
    DataSource dataSource;

    @Test
    void afterAnEditNoRowHoldsTheOldTextNameWebsiteOrFingerprint() throws Exception {
        String marker = unique();
        String oldBody = "Defamatory claim " + marker + " about a neighbour.";
        String oldName = "Name " + marker.substring(0, 10);
        String oldWebsite = "https://" + marker.substring(0, 10) + ".example.com/";
        String id = aComment().onArticle(Comments.freshArticle()).by(oldName).saying(oldBody)
                .with("website", oldWebsite).approved();
        assertTrue(DatabaseDump.of(dataSource).contains(marker), "the dump holds the comment as posted");
        assertNotNull(requestHashOf(id), "the spent captcha holds a keyed hash of the post");

        asAdmin().contentType(ContentType.JSON)
                .body("{\"body\": \"[Removed by the moderators]\", \"name\": \"Anonymous\", \"website\": null}")
                .patch("/api/v1/moderation/comments/{id}", id).then().statusCode(200);

        String dump = DatabaseDump.of(dataSource);
        assertFalse(dump.contains(marker), "neither the old body, name nor website is stored");
        assertFalse(dump.contains(marker.substring(0, 10)), "not even part of the old name or website");
        assertFalse(dump.contains(BlindIndex.bodyFingerprint(oldBody)), "nor the old body's fingerprint");
        assertTrue(dump.contains(BlindIndex.bodyFingerprint("[Removed by the moderators]")), "the new body's is");
        assertNull(requestHashOf(id), "the spent captcha forgot its hash of the old fields");
    }

    /** Letters no id, hash or date of the dump is made of (hex digits become g–v), so they match this test's values only. */
    private static String unique() {
        StringBuilder letters = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            letters.append((char) ('g' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    /** The spent captcha's keyed hash of the request that created the comment. */
    private String requestHashOf(String commentId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select request_hash from spent_captcha where comment_id = ?")) {
            query.setString(1, commentId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the captcha the comment spent");
                String hash = row.getString(1);
                assertFalse(row.next());
                return hash;
            }
        }
    }
}
