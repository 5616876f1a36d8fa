package dev.newsroom.comments.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.comment.ArticleId;
import dev.newsroom.comments.comment.Text;
import dev.newsroom.comments.web.AllowedOrigins;
import dev.newsroom.comments.web.ClientAddress;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/articles/{articleId}/comments")
@Tag(name = "Readers")
class SubmissionResource {

    private static final Set<String> FORM_FIELDS = Set.of("name", "email", "body", "captchaToken", "captchaAnswer",
            "parentId", "website", "homepage", "redirect");

    private final SubmissionService submissions;
    private final AllowedOrigins allowedOrigins;
    private final ObjectMapper json;

    SubmissionResource(SubmissionService submissions, AllowedOrigins allowedOrigins, ObjectMapper json) {
        this.submissions = submissions;
        this.allowedOrigins = allowedOrigins;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a comment (JSON, or an HTML form)", description = SUBMISSION_RULES
            + " JSON is UTF-8 only: bytes that are not UTF-8 are refused with 400, another declared charset with 415.")
    @APIResponse(responseCode = "202", description = "Held for moderation (also the answer for spam)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedComment.class)))
    @APIResponse(responseCode = "201", description = "Published at once (when a policy allows it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedComment.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, captcha or JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor a form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitJson(@ArticleId @RestPath String articleId, CommentSubmission submission,
            @Context HttpServerRequest request) {
        if (submission == null) {
            throw ProblemException.badRequest("The request body must be a JSON object with the comment's fields.");
        }
        return accepted(submissions.submit(articleId, submission, ClientAddress.of(request)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Post a comment (JSON, or an HTML form)", description = SUBMISSION_RULES
            + " A form with a `redirect` on an allowed origin (COMMENTS_ALLOWED_ORIGINS) is answered "
            + "303 See Other to it; a redirect anywhere else is refused with 400 before anything is stored. "
            + "Forms are read as UTF-8 whatever charset they declare; a field sent twice, or a value that is not "
            + "UTF-8 once percent-decoded, is refused with 400 rather than guessed at.")
    @APIResponse(responseCode = "303", description = "Accepted; the browser goes back to `redirect`")
    @APIResponse(responseCode = "202", description = "Held for moderation (no redirect given)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmittedComment.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, captcha or redirect",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(
            allOf = CommentSubmission.class, properties = @SchemaProperty(name = "redirect", type = SchemaType.STRING,
                    description = "Absolute URL on an allowed origin to return to"))))
    @APIResponse(responseCode = "415", description = "Neither JSON nor a form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitForm(@ArticleId @RestPath String articleId, byte[] form, @Context HttpServerRequest request) {
        Map<String, String> fields = FormFields.parse(form, FORM_FIELDS);
        String target = Text.stripToNull(fields.get("redirect"));
        if (target != null && !allowedOrigins.allowsRedirectTo(target)) {
            throw ProblemException.invalidField("redirect", "must be an absolute URL on an allowed origin");
        }
        SubmittedComment comment = submissions.submit(articleId, new CommentSubmission(fields.get("name"),
                fields.get("email"), fields.get("body"), fields.get("captchaToken"), fields.get("captchaAnswer"),
                fields.get("parentId"), fields.get("website"), fields.get("homepage")), ClientAddress.of(request));
        return target != null ? Response.seeOther(URI.create(target)).build() : accepted(comment);
    }

    /**
     * The answer is JSON whatever the {@code Accept} header says. Content negotiation would only
     * happen after the comment is stored, and a 406 then would claim a failure that did not happen;
     * serialising here keeps the framework from negotiating at all.
     */
    private Response accepted(SubmittedComment comment) {
        try {
            return Response.status(comment.published() ? Response.Status.CREATED : Response.Status.ACCEPTED)
                    .entity(json.writeValueAsBytes(comment))
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A submitted comment could not be serialised", e);
        }
    }

    private static final String SUBMISSION_RULES = "Fields: name (1–100 characters, one line), email (never "
            + "published, at most 254), body (1–5000 characters), captchaToken and captchaAnswer from GET /captcha, "
            + "optional parentId (an approved comment of the same article), optional website (http/https, at most "
            + "200), honeypot homepage (must stay empty). Fields are checked before the captcha is consumed; "
            + "unknown fields are ignored. 202 when the comment waits for moderation; a comment judged to be spam "
            + "is answered exactly the same way; 201 when the policy publishes it at once. Intake rules: 429 "
            + "(Retry-After) past 5 posts a minute per client or within 15 s of the author's or client's previous "
            + "comment; 409 for the same text by the same email on the same article within 24 h; held for 2+ links, "
            + "held words or a post under 3 s after the captcha; spam for blocked words or a filled honeypot. An "
            + "identical retry with the same captcha token gets the original answer back. Nothing is stored on any "
            + "error.";
}
