package dev.newsroom.comments.moderation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk action by query did. */
@Schema(name = "BulkFilterResult")
public record BulkFilterResult(
        @Schema(description = "Every comment that matched when the call began") long matched,
        @Schema(description = "Comments the action applied to (0 in a dry run); a comment decided by someone else "
                + "meanwhile is left as they decided") long applied,
        @Schema(description = "More than 10,000 matched: only the first (oldest) 10,000 were considered; call again")
        boolean truncated) {
}
