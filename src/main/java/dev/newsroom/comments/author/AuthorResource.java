package dev.newsroom.comments.author;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/moderation/authors/{authorId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.MODERATOR, Role.ADMIN })
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Moderation")
@APIResponse(responseCode = "401", description = "No valid credentials (with WWW-Authenticate)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The account's role is not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No author with this id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class AuthorResource {

    private final AuthorService authors;
    private final SecurityIdentity identity;

    AuthorResource(AuthorService authors, SecurityIdentity identity) {
        this.authors = authors;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "An author's standing and history",
            description = "authorId comes from moderator items. counts are all the author's comments per status, kept "
                    + "as comments change (one row to read, however many comments). A standing whose until has "
                    + "passed reads normal.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuthorView.class)))
    public AuthorView author(@RestPath String authorId) {
        return authors.find(authorId);
    }

    @GET
    @Path("comments")
    @Operation(summary = "An author's comments, newest first, any status, with cursor pagination")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuthorCommentsPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuthorCommentsPage comments(@RestPath String authorId,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        return authors.comments(authorId, Cursor.decodeOrNull(cursor), PageLimit.parse(limit));
    }

    @PUT
    @Path("standing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an author's standing",
            description = "Applied at intake to the author's next comment, on every instance, whatever the moderation "
                    + "policy: banned → spam with reason banned-author (answered like pending); premoderated → held "
                    + "with reason premoderated-author; trusted → published at once (201) unless a spam rule fires "
                    + "(honeypot, blocked word), the hold rules (too fast, links, held words) not applying. After until "
                    + "the standing is normal again. rejectPending: true also rejects the author's pending comments. "
                    + "Audited as action standing (from and to the standing, with authorId and note).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "400", description = "Unknown standing, until in the past or with normal, note too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuthorView standing(@RestPath String authorId, @NotNull(message = "is required") @Valid StandingChange change) {
        return authors.changeStanding(authorId, change, identity.getPrincipal().getName());
    }
}
