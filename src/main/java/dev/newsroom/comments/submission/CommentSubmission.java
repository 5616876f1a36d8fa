package dev.newsroom.comments.submission;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.newsroom.comments.comment.CommentBody;
import dev.newsroom.comments.comment.PersonName;
import dev.newsroom.comments.comment.Text;
import dev.newsroom.comments.comment.WebsiteUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields a reader may send with a comment (API.md §1), from JSON or an HTML form. There is
 * deliberately no status, id or date here: unknown request fields are dropped before binding, so
 * no request can set them. Blank space around values is trimmed and line breaks normalised on
 * construction, before validation.
 */
@Schema(name = "CommentSubmission")
public record CommentSubmission(
        @Schema(description = "1–100 characters, one line", examples = "Ana")
        @NotNull(message = "is required") @PersonName String name,

        @Schema(description = "Never published; at most 254 characters", examples = "ana@example.com")
        @NotNull(message = "is required") @EmailAddress String email,

        @Schema(description = "1–5000 characters (comments.submission.max-body-length); blank lines separate paragraphs")
        @NotNull(message = "is required") @CommentBody String body,

        @Schema(description = "The token of GET /captcha")
        @NotBlank(message = "is required") String captchaToken,

        @Schema(description = "The answer, in digits or English words (a JSON number is accepted too)", examples = "5")
        @JsonDeserialize(using = AnswerText.class)
        @NotBlank(message = "is required") String captchaAnswer,

        @Schema(description = "Optional: id of an approved comment of the same article (a reply)")
        @Size(max = 64, message = "must be the id of an approved comment of this article") String parentId,

        @Schema(description = "Optional http(s) URL of at most 200 characters")
        @WebsiteUrl String website,

        @Schema(description = "Honeypot: article pages hide it from people; leave it empty")
        String homepage) {

    public CommentSubmission {
        name = Text.normalizedName(name);
        email = Text.strip(email);
        body = Text.normalizedBody(body);
        captchaToken = Text.strip(captchaToken);
        parentId = Text.stripToNull(parentId);
        website = Text.normalizedWebsite(website);
    }
}
