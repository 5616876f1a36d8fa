package dev.newsroom.comments.report;

import dev.newsroom.comments.comment.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reader's report of a published comment (API.md §5). Unknown fields are ignored, like a post's. */
@Schema(name = "ReportRequest")
public record ReportRequest(
        @Schema(enumeration = { "offensive", "spam", "off-topic", "misinformation", "other" }, required = true)
        @NotNull(message = "is required")
        @Pattern(regexp = REASONS, message = "must be offensive, spam, off-topic, misinformation or other") String reason,

        @Schema(maxLength = MAX_NOTE, nullable = true, description = "Optional, for moderators: at most 500 "
                + "characters (UTF-16 units), line breaks and tabs but no other control character")
        @Size(max = MAX_NOTE, message = "must be at most 500 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String note) {

    static final String REASONS = "offensive|spam|off-topic|misinformation|other";
    static final int MAX_NOTE = 500;
    static final String NO_CONTROL_CHARACTERS = Text.NO_CONTROL_CHARACTERS;

    /** A blank note is no note. */
    String noteOrNull() {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
