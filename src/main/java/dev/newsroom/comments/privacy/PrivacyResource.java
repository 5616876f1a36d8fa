package dev.newsroom.comments.privacy;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.comment.ModerationView;
import dev.newsroom.comments.web.OpenApiDefinition;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/privacy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Administration")
class PrivacyResource {

    private final PrivacyService privacy;
    private final SecurityIdentity identity;

    PrivacyResource(PrivacyService privacy, SecurityIdentity identity) {
        this.privacy = privacy;
        this.identity = identity;
    }

    @POST
    @Path("export")
    @Operation(summary = "Every comment stored with an email (right of access)",
            description = "Found through the blind index; answered in the moderator view, email included.")
    public Export export(@NotNull(message = "is required") @Valid PrivacyRequest request) {
        return new Export(privacy.export(request.email()));
    }

    @POST
    @Path("erase")
    @Operation(summary = "Erase a commenter's personal data (right to erasure)",
            description = "Removes the email, the client fingerprint, the name (now Anonymous) and website from every "
                    + "comment stored with the email; pending ones are rejected; approved text stays published unless "
                    + "deleteComments is true. Audited per comment, without the email.")
    public Erased erase(@NotNull(message = "is required") @Valid PrivacyRequest request) {
        return new Erased(privacy.erase(request.email(), Boolean.TRUE.equals(request.deleteComments()),
                identity.getPrincipal().getName()));
    }

    record Export(List<ModerationView> comments) {
    }

    record Erased(int erased) {
    }
}
