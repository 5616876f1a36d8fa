package dev.newsroom.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:40:00.123Z");

    @Test
    void anIdIsAVersion7UuidCarryingItsCreationMillisecond() {
        for (int i = 0; i < 1_000; i++) {   // the random bits must never spill into version or variant
            String id = TimeOrderedId.at(NOW);
            UUID uuid = UUID.fromString(id);

            assertTrue(Comment.isWellFormedId(id), id);
            assertEquals(7, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(NOW.toEpochMilli(), uuid.getMostSignificantBits() >>> 16, id);
        }
    }

    @Test
    void idsSortByCreationTimeAsStrings() {
        String earlier = TimeOrderedId.at(NOW);
        String later = TimeOrderedId.at(NOW.plusMillis(1));
        String muchLater = TimeOrderedId.at(NOW.plusSeconds(86_400L * 365 * 30));

        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
        assertTrue(later.compareTo(muchLater) < 0, later + " before " + muchLater);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedId.at(NOW));
        }
        assertEquals(10_000, ids.size());
    }
}
