package dev.newsroom.comments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor cursor = new Cursor(Instant.parse("2026-06-19T08:15:00.123Z"), "3b81cc26-b1da-474d-9a1d-20d93d913eb7");
        assertEquals(cursor, Cursor.decodeOrNull(cursor.encode()));
    }

    @Test
    void blankMeansFirstPage() {
        assertNull(Cursor.decodeOrNull(null));
        assertNull(Cursor.decodeOrNull(""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "x", "!!!", "YWJj", "YzF8MTIzfA", "YzF8eHx5", "YzJ8MTIzfGFiYw" })
    void refusesWhatItDidNotIssue(String cursor) {
        ProblemException problem = assertThrows(ProblemException.class, () -> Cursor.decodeOrNull(cursor));
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.violations().get(0).field());
    }
}
