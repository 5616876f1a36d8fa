package dev.newsroom.comments.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.comments.comment.CommentBody;
import dev.newsroom.comments.comment.PersonName;
import dev.newsroom.comments.comment.Text;
import dev.newsroom.comments.comment.WebsiteUrl;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /moderation/comments/{id}} (API.md §5, "Edits"): a JSON merge patch
 * (RFC 7396) of the three fields a moderator may change. A field absent is left as it is; a field
 * given is the new value, trimmed and normalised as when a reader posts it ({@link Text}) and then
 * checked with the same constraints. {@code website} may be null (or empty, as at posting) to clear
 * it; {@code name} and {@code body} may not. Any other field is refused rather than ignored, as
 * posting does: a moderator who sends {@code status} or {@code email} here expects it to apply.
 *
 * <p>Jackson cannot tell an absent field from a null one when binding a record, so the request is
 * read as a {@link JsonNode} and parsed by {@link #of}; {@link #given} says which fields it held.
 */
@Schema(name = "CommentEdit", description = "The fields to change; absent fields are left as they are. Send it as "
        + "application/json or application/merge-patch+json.")
record CommentEdit(
        @Schema(description = "The commenter's name: 1–100 characters, one line. Cannot be null.", examples = "Ana")
        @PersonName String name,

        @Schema(description = "The text: 1–5000 characters (comments.submission.max-body-length); blank lines "
                + "separate paragraphs. Cannot be null.", examples = "[Removed by the moderators] The rest stands.")
        @CommentBody String body,

        @Schema(description = "An http(s) URL of at most 200 characters; null (or \"\") removes it.", nullable = true)
        @WebsiteUrl String website,

        @Schema(hidden = true) Set<String> given) {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    /** The fields an edit may carry, in the order the audit trail names them. */
    static final List<String> FIELDS = List.of("body", "name", "website");

    /**
     * What an unknown field may be named in a problem. Field names come from the client; one that is
     * not a plain identifier (say, an email someone pasted as a key) is not echoed back.
     */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /**
     * Reads a PATCH body. A body that is not a JSON object is 400; unknown fields, a null name or
     * body, and values that are not strings are 400 with a violation each. The values themselves are
     * checked afterwards, by their constraints ({@code @Valid} on {@link ModerationService#edit}).
     */
    static CommentEdit of(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object with the fields to change: body, name "
                    + "and website.");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        boolean unnamed = false;
        for (String field : (Iterable<String>) patch::fieldNames) {
            if (FIELDS.contains(field)) {
                continue;
            }
            if (PLAIN_NAME.matcher(field).matches()) {
                violations.add(new Problem.Violation(field, "cannot be edited: only body, name and website can"));
            } else {
                unnamed = true;
            }
        }
        if (unnamed) {
            violations.add(new Problem.Violation("request", "holds a field that cannot be edited: only body, name "
                    + "and website can"));
        }
        String name = text(patch, "name", false, violations);
        String body = text(patch, "body", false, violations);
        String website = text(patch, "website", true, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields(violations);
        }
        return new CommentEdit(Text.normalizedName(name), Text.normalizedBody(body), Text.normalizedWebsite(website),
                FIELDS.stream().filter(patch::has).collect(Collectors.toUnmodifiableSet()));
    }

    /** The value of a string field, null when absent (or null where that is allowed). */
    private static String text(JsonNode patch, String field, boolean nullable, List<Problem.Violation> violations) {
        JsonNode value = patch.get(field);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            if (!nullable) {
                violations.add(new Problem.Violation(field, "must not be null: only website can be removed"));
            }
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Problem.Violation(field, "has the wrong type: must be a string"));
            return null;
        }
        return value.textValue();
    }

    /** The name the comment is to have: the one given, or its own. */
    String nameOr(String current) {
        return given.contains("name") ? name : current;
    }

    String bodyOr(String current) {
        return given.contains("body") ? body : current;
    }

    /** The website the comment is to have: the one given (null removes it), or its own. */
    String websiteOr(String current) {
        return given.contains("website") ? website : current;
    }
}
