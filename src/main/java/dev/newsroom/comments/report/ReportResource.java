package dev.newsroom.comments.report;

import dev.newsroom.comments.web.ClientAddress;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

@Path("/comments/{id}/reports")
@Tag(name = "Readers")
class ReportResource {

    private final ReportService reports;

    ReportResource(ReportService reports) {
        this.reports = reports;
    }

    /** The answer to every accepted report, counted or not: a reader cannot tell whether theirs was a repeat. */
    record Reported(boolean reported) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(202)
    @Operation(summary = "Report a published comment",
            description = "No authentication; CORS and the per-client rate limit (429 with Retry-After) as for posting. "
                    + "One open report per client (its address, kept only as a keyed fingerprint) and comment counts; "
                    + "a repeat answers 202 too and counts nothing. When the distinct reporters of a comment reach "
                    + "the site setting reportsToHold (default 3; 0 = never), it is unpublished: pending with reason "
                    + "reported, audited as auto-hold by system. A moderator's decision closes the reports.")
    @APIResponse(responseCode = "202", description = "Report received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reported.class)))
    @APIResponse(responseCode = "400", description = "Unknown reason, note too long, or not a JSON object",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No published comment with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many reports from this client; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Reported report(@RestPath String id, ReportRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ProblemException.badRequest("The request body must be a JSON object with a reason.");
        }
        reports.report(id, request, ClientAddress.of(http));
        return new Reported(true);
    }
}
