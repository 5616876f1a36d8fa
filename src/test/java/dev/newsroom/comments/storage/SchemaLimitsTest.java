package dev.newsroom.comments.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The database checks every length too, and its limits match the validation rules: a value that
 * passes validation always fits, and no column takes text of any length. H2 measures VARCHAR in
 * UTF-16 units, so a column of text that may hold any character is twice the rule's length in
 * characters (an emoji takes two units). {@code web.HostileInputTest} stores the widest values
 * validation lets through and reads them back.
 */
@QuarkusTest
class SchemaLimitsTest {

    /** What each column must hold, from the rule it stores (API.md and the validation constraints). */
    private static final Map<String, Integer> WIDTHS = Map.ofEntries(
            Map.entry("comment.article_id", 128), // articleId: 1–128 of A–Z a–z 0–9 . _ - :
            Map.entry("comment.author_name", 2 * 100), // name: 1–100 characters
            Map.entry("comment.body", 2 * 10_000), // body: comments.submission.max-body-length, at most 10,000
            Map.entry("comment.website", 200), // an http(s) URL of at most 200 ASCII characters
            Map.entry("comment.parent_id", 36), // a comment id (a UUID); others are refused before storing
            Map.entry("comment.email_sealed", 512), // AES-GCM of an ASCII email of at most 254: under 400
            Map.entry("comment.decided_by", 64), // a username
            Map.entry("closed_article.article_id", 128),
            Map.entry("closed_article.closed_by", 64),
            Map.entry("moderator_account.username", 64), // 1–64 of A–Z a–z 0–9 . _ -
            Map.entry("api_token.name", 100), // @Size(max = 100), counted in UTF-16 units
            Map.entry("api_token.username", 64),
            Map.entry("audit_entry.moderator", 64),
            Map.entry("audit_entry.note", 1000), // a decision's note: @Size(max = 1000), in UTF-16 units
            Map.entry("comment.decision_note", 1000),
            Map.entry("audit_entry.article_id", 128),
            Map.entry("report.note", 500), // a reader report's note: @Size(max = 500), in UTF-16 units
            Map.entry("author.standing_note", 1000), // a standing's note: @Size(max = 1000), in UTF-16 units
            Map.entry("author.author_id", 32)); // BlindIndex.author: 32 hex digits

    /**
     * An event's data is a moderator item as JSON: a body of 10,000 characters, its HTML (escaping
     * can make it five times longer) and small fields fit well within this.
     */
    private static final int EVENT_DATA = 200_000;

    @Inject
    @ActiveDataSource
    DataSource dataSource;

    @Test
    void everyTextColumnHasALimit() throws SQLException {
        textColumns().forEach((column, width) -> assertTrue(width != null
                && width <= (column.equals("event.data") ? EVENT_DATA : 20_000),
                column + " takes text of any length (" + width + ")"));
    }

    @Test
    void columnsOfValidatedFieldsHoldExactlyWhatValidationAccepts() throws SQLException {
        Map<String, Integer> columns = textColumns();
        WIDTHS.forEach((column, width) -> assertEquals(width, columns.get(column), column));
    }

    private Map<String, Integer> textColumns() throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select lower(table_name), lower(column_name), "
                        + "character_maximum_length from information_schema.columns "
                        + "where lower(table_schema) = 'public' and lower(data_type) in ('character varying', 'text') "
                        + "and lower(table_name) <> 'flyway_schema_history'")) {
            while (rows.next()) {
                long width = rows.getLong(3);
                columns.put(rows.getString(1) + "." + rows.getString(2), rows.wasNull() ? null : (int) Math.min(width, Integer.MAX_VALUE));
            }
        }
        assertTrue(columns.containsKey("comment.body"), "the schema's text columns: " + columns);
        return columns;
    }
}
