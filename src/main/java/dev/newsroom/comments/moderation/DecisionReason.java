package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a moderator approved, rejected or marked a comment as spam (API.md §5, "Reasons on decisions"):
 * the optional body of those decisions and fields of both bulks. Kept in the audit trail and on the
 * comment as its latest decision.
 */
@Schema(name = "DecisionReason", description = "Optional body of approve, reject and spam")
public record DecisionReason(
        @Schema(enumeration = { "offensive", "abusive", "spam", "banned-word", "ad", "illegal", "harassment",
                "misinformation", "hate", "off-topic", "other" }, nullable = true)
        @Pattern(regexp = CODES, message = "must be one of " + CODES_TEXT) String reason,

        @Schema(maxLength = MAX_NOTE, nullable = true,
                description = "Free text for other moderators: at most 1000 characters (UTF-16 units), line breaks "
                        + "and tabs but no other control character")
        @Size(max = MAX_NOTE, message = "must be at most 1000 characters")
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String note) {

    static final String CODES = "offensive|abusive|spam|banned-word|ad|illegal|harassment|misinformation|hate|off-topic|other";
    static final String CODES_TEXT = "offensive, abusive, spam, banned-word, ad, illegal, harassment, misinformation, "
            + "hate, off-topic or other";
    static final int MAX_NOTE = 1000;
    static final String NO_CONTROL_CHARACTERS = Text.NO_CONTROL_CHARACTERS;

    /** No reason given: the decisions' body is optional. */
    static final DecisionReason NONE = new DecisionReason(null, null);
}
