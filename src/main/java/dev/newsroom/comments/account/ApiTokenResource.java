package dev.newsroom.comments.account;

import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/moderation/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.MODERATOR, Role.ADMIN })
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Moderation")
class ApiTokenResource {

    private final ApiTokens tokens;
    private final SecurityIdentity identity;

    ApiTokenResource(ApiTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a personal API token for tools",
            description = "The token (256 random bits) is in this answer only; the service keeps its SHA-256. Send "
                    + "it as Authorization: Bearer <token>: checking it takes microseconds, where Basic runs bcrypt "
                    + "on every request.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = NewApiToken.class)))
    public RestResponse<NewApiToken> create(@NotNull(message = "is required") @Valid TokenRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, tokens.create(caller(), request.name().strip()));
    }

    @GET
    @Operation(summary = "The caller's tokens (never the token itself)")
    public TokenList list() {
        return new TokenList(tokens.listOf(caller()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "The caller has no such token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Void> revoke(@RestPath String id) {
        if (!tokens.revoke(caller(), id)) {
            throw new AccountProblems.TokenNotFound();
        }
        return RestResponse.noContent();
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    record TokenRequest(@NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cc}*", message = "must not contain control characters")
    String name) {
    }

    record TokenList(List<ApiTokenView> tokens) {
    }
}
