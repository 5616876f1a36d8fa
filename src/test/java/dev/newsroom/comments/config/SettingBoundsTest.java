package dev.newsroom.comments.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SettingBoundsTest {

    @Test
    void valuesInsideTheRangePassIncludingBothEnds() {
        assertDoesNotThrow(() -> SettingBounds.require("comments.x", 4, 4, 16));
        assertDoesNotThrow(() -> SettingBounds.require("comments.x", 16, 4, 16));
        assertDoesNotThrow(() -> SettingBounds.atLeast("comments.y", 1, 1));
    }

    @Test
    void aValueOutsideNamesTheSettingItsRangeAndTheValue() {
        assertEquals("comments.x must be from 4 to 16, not 17",
                assertThrows(IllegalStateException.class, () -> SettingBounds.require("comments.x", 17, 4, 16))
                        .getMessage());
        assertEquals("comments.x must be from 4 to 16, not 3",
                assertThrows(IllegalStateException.class, () -> SettingBounds.require("comments.x", 3, 4, 16))
                        .getMessage());
        assertEquals("comments.y must be at least 1, not 0",
                assertThrows(IllegalStateException.class, () -> SettingBounds.atLeast("comments.y", 0, 1))
                        .getMessage());
    }
}
