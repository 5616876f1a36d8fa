package dev.newsroom.comments.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /moderation/comments/bulk-by-filter} (API.md §5). */
@Schema(name = "BulkFilterRequest")
record BulkFilterRequest(
        @NotNull(message = "is required") @Valid Filter filter,

        @Schema(enumeration = { "approve", "reject", "spam", "delete" }, required = true)
        @NotNull(message = "is required")
        @Pattern(regexp = "approve|reject|spam|delete", message = "must be approve, reject, spam or delete") String action,

        @Schema(description = "true: count the matches and apply nothing", defaultValue = "false")
        Boolean dryRun,

        @Schema(description = "Reason code (see DecisionReason), kept in each comment's audit entry", nullable = true)
        @Pattern(regexp = DecisionReason.CODES, message = "must be one of " + DecisionReason.CODES_TEXT) String reason,

        @Schema(maxLength = DecisionReason.MAX_NOTE, nullable = true)
        @Size(max = DecisionReason.MAX_NOTE, message = "must be at most 1000 characters")
        @Pattern(regexp = DecisionReason.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String note) {

    /** Which comments: all conditions given must hold. */
    @Schema(name = "BulkFilter")
    record Filter(
            @Schema(enumeration = { "pending", "approved", "rejected", "spam" }, required = true)
            @NotNull(message = "is required")
            @Pattern(regexp = "pending|approved|rejected|spam", message = "must be pending, approved, rejected or spam")
            String status,

            @Schema(nullable = true) @Size(max = 128, message = "must be at most 128 characters") String articleId,

            @Schema(description = "An authorId of the moderator items", nullable = true)
            @Size(max = 64, message = "must be an author id") String authorId,

            @Schema(description = "A reason of the items' reasons, matched exactly or as the code before ':' "
                    + "(blocked-word matches blocked-word:viagra)", nullable = true)
            @Size(max = 100, message = "must be at most 100 characters")
            @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters") String reason,

            @Schema(description = "Submitted at or after (inclusive)", nullable = true) Instant submittedAfter,

            @Schema(description = "Submitted before (exclusive)", nullable = true) Instant submittedBefore) {
    }

    boolean dryRunOnly() {
        return Boolean.TRUE.equals(dryRun);
    }
}
