package dev.newsroom.comments.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import's progress (API.md §8): counters as of its last committed batch. */
record ImportView(String id,
        @Schema(enumeration = { "wxr", "disqus", "jsonl" }) String format,
        @Schema(enumeration = { "running", "done", "failed" }) String status,
        @Schema(description = "Comments read from the file so far") long processed,
        @Schema(description = "Comments stored") long imported,
        @Schema(description = "Comments read but not stored: imported before, left out by the mapping "
                + "(pingbacks, trackbacks, editorial notes, deleted Disqus posts) or malformed") long skipped,
        @Schema(description = "Malformed items and, for a failed import, why it stopped; at most "
                + "comments.import.max-errors are listed") List<ImportError> errors,
        @Schema(description = "How many errors there were, listed or not") long errorCount,
        Instant startedAt,
        @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) Instant finishedAt) {

    /** Where in the file (an item and comment, a post, a line, a parser position) and what was wrong. */
    record ImportError(String at, String message) {
    }
}
