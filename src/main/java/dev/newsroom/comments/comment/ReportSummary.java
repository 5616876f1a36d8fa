package dev.newsroom.comments.comment;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment's open reader reports, as moderators see them on each item (API.md §5). */
public record ReportSummary(
        @Schema(description = "Open reports, one per client") long open,
        @Schema(description = "Open reports per reason: offensive, spam, off-topic, misinformation, other")
        Map<String, Long> reasons,
        @Schema(description = "The notes of the latest open reports that had one (at most 5), newest first")
        List<String> notes) {

    public static final ReportSummary NONE = new ReportSummary(0, Map.of(), List.of());
}
