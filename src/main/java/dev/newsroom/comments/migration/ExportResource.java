package dev.newsroom.comments.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.comment.ModerationView;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.quarkus.logging.Log;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/admin/exports")
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Migration")
@APIResponse(responseCode = "401", description = "No valid credentials (with WWW-Authenticate)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The account's role is not admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class ExportResource {

    static final String JSON_LINES = "application/x-ndjson";

    private final ExportService export;
    private final SecurityIdentity identity;
    private final ObjectWriter lines;

    ExportResource(ExportService export, SecurityIdentity identity, ObjectMapper json) {
        this.export = export;
        this.identity = identity;
        this.lines = json.writerFor(ModerationView.class);
    }

    @GET
    @Produces(JSON_LINES)
    @Operation(summary = "Export every comment",
            description = "One JSON object a line (JSON Lines), each a comment as GET /moderation/comments/{id} shows "
                    + "it, email included, in id order (which is creation order), streamed as it is read: memory and "
                    + "time per comment do not grow with the number of comments. POST /admin/imports?format=jsonl "
                    + "reads it back: into an empty service it restores the same ids, articles, threads, names, emails, "
                    + "websites, texts, statuses, reasons, dates, latest decisions, picks and edit times. Audited as "
                    + "action export (the caller and the time, no content). Contains every commenter's email: store "
                    + "and send it as the personal data it is.")
    @APIResponse(responseCode = "200", description = "The comments, one a line",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(implementation = ModerationView.class)))
    @APIResponse(responseCode = "400", description = "format is not jsonl",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ExportStream> export(
            @Parameter(description = "jsonl (the only format)") @RestQuery String format) {
        if (!"jsonl".equals(format)) {
            throw ProblemException.invalidField("format", "must be jsonl");
        }
        export.audit(identity.getPrincipal().getName(), format);
        ExportStream body = new ExportStream(out -> {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            String after = null;
            long written = 0;
            try {
                do {
                    ExportService.Page page = export.page(after);
                    for (ModerationView item : page.items()) {
                        buffered.write(lines.writeValueAsString(item).getBytes(StandardCharsets.UTF_8));
                        buffered.write('\n');
                        written++;
                    }
                    after = page.lastId();
                } while (after != null);
                buffered.flush();
            } catch (IOException | RuntimeException e) {
                // The status line is sent: a client sees the export end early (no final line break, or a short file).
                Log.errorf(e, "The export stopped after %d comments", written);
                throw e;
            }
        });
        return RestResponse.ResponseBuilder.ok(body, JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"comments.jsonl\"")
                .header("Cache-Control", "no-store").build();
    }
}
