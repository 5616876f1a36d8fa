package dev.newsroom.comments.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One action for up to {@value #MAX_IDS} comments. */
record BulkRequest(
        @Schema(enumeration = { "approve", "reject", "spam", "delete" })
        @NotNull(message = "is required")
        @Pattern(regexp = "approve|reject|spam|delete", message = "must be approve, reject, spam or delete") String action,

        @NotNull(message = "is required")
        @Size(min = 1, max = BulkRequest.MAX_IDS, message = "must list 1 to 500 comment ids")
        List<@NotBlank(message = "must not be blank") @Size(max = 64, message = "must be a comment id") String> ids,

        @Schema(description = "Reason code (see DecisionReason), kept in each comment's audit entry",
                nullable = true)
        @Pattern(regexp = DecisionReason.CODES, message = "must be one of " + DecisionReason.CODES_TEXT) String reason,

        @Schema(maxLength = DecisionReason.MAX_NOTE, nullable = true)
        @Size(max = DecisionReason.MAX_NOTE, message = "must be at most 1000 characters")
        @Pattern(regexp = DecisionReason.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String note) {

    static final int MAX_IDS = 500;
}
