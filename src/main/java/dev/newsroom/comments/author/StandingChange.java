package dev.newsroom.comments.author;

import dev.newsroom.comments.comment.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /moderation/authors/{authorId}/standing} (API.md §5). */
@Schema(name = "StandingChange")
record StandingChange(
        @Schema(enumeration = { "normal", "trusted", "premoderated", "banned" }, required = true)
        @NotNull(message = "is required")
        @Pattern(regexp = "normal|trusted|premoderated|banned",
                message = "must be normal, trusted, premoderated or banned") String standing,

        @Schema(description = "When the standing ends and the author is normal again (ISO-8601); null or absent: "
                + "until changed. Must be in the future; not with normal.", nullable = true)
        Instant until,

        @Schema(maxLength = MAX_NOTE, nullable = true, description = "For other moderators: at most 1000 characters "
                + "(UTF-16 units), line breaks and tabs but no other control character")
        @Size(max = MAX_NOTE, message = "must be at most 1000 characters")
        @Pattern(regexp = Text.NO_CONTROL_CHARACTERS, message = "must not contain control characters") String note,

        @Schema(description = "Also reject the author's pending comments (each audited as a reject)")
        Boolean rejectPending) {

    static final int MAX_NOTE = 1000;

    boolean rejectsPending() {
        return Boolean.TRUE.equals(rejectPending);
    }
}
