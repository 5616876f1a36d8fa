package dev.newsroom.comments.settings;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Administration")
class SettingsResource {

    private final SiteSettings settings;
    private final SecurityIdentity identity;

    SettingsResource(SiteSettings settings, SecurityIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The site settings in force",
            description = "The environment's defaults (COMMENTS_MODERATION_POLICY, COMMENTS_MODERATION_REPORTS_TO_HOLD) "
                    + "unless an administrator changed them here.")
    public Settings get() {
        return settings.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change site settings",
            description = "Only the fields given change. Kept in the database: every instance applies them within 5 s "
                    + "(this one at once). Each change is audited (action settings, the setting's name as reason). "
                    + "Switching moderationPolicy to hold-all is the surge switch of a story that boils over.")
    public Settings change(@NotNull(message = "is required") @Valid SettingsChange change) {
        return settings.change(change, identity.getPrincipal().getName());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Give a setting back to the environment's default",
            description = "name: moderationPolicy or reportsToHold. Audited like a change when the value changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "404", description = "No such setting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Settings reset(@RestPath String name) {
        return settings.reset(name, identity.getPrincipal().getName());
    }
}
