package dev.newsroom.comments.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a copy of the database shows: every value of every row of every table of the service, as
 * text, one line a row (portable: H2 and PostgreSQL). For tests that prove something is stored
 * nowhere (an email, a redacted text); in-process only, since it reads the database.
 */
public final class DatabaseDump {

    private DatabaseDump() {
    }

    public static String of(DataSource dataSource) throws SQLException {
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
