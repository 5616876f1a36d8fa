package dev.newsroom.comments.account;

import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/admin/moderators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Administration")
@APIResponse(responseCode = "403", description = "Only administrators manage accounts",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class AccountResource {

    private final AccountService accounts;

    AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a moderator or administrator account",
            description = "Passwords: at least 12 characters, at most 72 bytes; stored as bcrypt only.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "The username is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AccountView> create(@NotNull(message = "is required") NewAccount request) {
        AccountView created = accounts.create(request);
        return RestResponse.ResponseBuilder.<AccountView>created(URI.create("/api/v1/admin/moderators/"
                + created.username())).entity(created).build();
    }

    @GET
    @Operation(summary = "Every account (never a password or its hash)")
    public AccountList list() {
        return new AccountList(accounts.list());
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete an account: it and its API tokens stop working at once",
            description = "The last administrator cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The last administrator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Void> delete(@RestPath String username) {
        accounts.delete(username);
        return RestResponse.noContent();
    }

    record AccountList(List<AccountView> moderators) {
    }
}
