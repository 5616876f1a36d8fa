package dev.newsroom.comments.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site settings in force (API.md §5): the environment's defaults, overridden by what administrators set. */
record Settings(
        @Schema(enumeration = { "hold-all", "trust-returning" },
                description = "hold-all: every comment waits for a moderator (the surge switch); trust-returning: "
                        + "authors with enough approved comments and no spam are published at once")
        String moderationPolicy,
        @Schema(description = "Distinct readers' open reports that unpublish a comment; 0: never")
        int reportsToHold) {
}
