package dev.newsroom.comments.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final String TAG = "\"v3\"";

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertTrue(EntityTags.noneMatchHits("\"v3\"", TAG));
        assertTrue(EntityTags.noneMatchHits("W/\"v3\"", TAG));
        assertTrue(EntityTags.noneMatchHits("\"a\", \"v3\"", TAG));
        assertTrue(EntityTags.noneMatchHits("*", TAG));
        assertFalse(EntityTags.noneMatchHits("\"v2\"", TAG));
        assertFalse(EntityTags.noneMatchHits(null, TAG));
    }

    @Test
    void ifMatchUsesStrongComparisonAndIsOptional() {
        assertFalse(EntityTags.matchFails(null, TAG));
        assertFalse(EntityTags.matchFails("\"v3\"", TAG));
        assertFalse(EntityTags.matchFails("*", TAG));
        assertTrue(EntityTags.matchFails("W/\"v3\"", TAG));
        assertTrue(EntityTags.matchFails("\"v2\"", TAG));
    }
}
