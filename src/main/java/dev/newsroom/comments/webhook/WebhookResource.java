package dev.newsroom.comments.webhook;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Webhooks", description = "Signed deliveries of the event log to receivers' URLs (role admin), per "
        + "Standard Webhooks: POST of the event's JSON (as GET /moderation/events shows it) with webhook-id (the "
        + "event id, the same on every retry), webhook-timestamp (Unix seconds) and webhook-signature "
        + "(v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\" keyed with the base64-decoded part of the secret "
        + "after whsec_>; two, space-separated, for 24 hours after a rotation). A 2xx answer within 5 s delivers it; "
        + "redirects are not followed. Otherwise it is retried after about 5 s, 30 s, 2 min, 10 min, 1 h, then every "
        + "6 h, and marked failed 24 hours after its first attempt. At least once, surviving restarts; with several "
        + "instances, one of them makes each attempt; one slow or dead receiver delays no other. The URL's host is "
        + "resolved and checked again before every attempt, and the request goes to the address checked.")
@APIResponse(responseCode = "401", description = "No valid credentials (with WWW-Authenticate)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The account's role is not admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class WebhookResource {

    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook",
            description = "The answer holds its signing secret, shown this once and stored only encrypted (as "
                    + "emails are). At most 50 webhooks (COMMENTS_WEBHOOKS_MAX_WEBHOOKS). Audited as action webhook, "
                    + "reason created, with the webhook's id and its URL's scheme, host and port as the note "
                    + "(never its path or query, which often hold a token).")
    @APIResponse(responseCode = "201", description = "Registered; Location is its address",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
    @APIResponse(responseCode = "400", description = "Invalid url (not an absolute https URL, credentials in it, a "
            + "host that does not resolve, or resolves to a loopback, private, link-local, multicast, unspecified or "
            + "reserved address), events (empty, unknown types, \"*\" with others) or description (over 500 "
            + "characters, control characters); each field at fault is named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "As many webhooks as allowed are registered already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookWithSecret> create(@NotNull(message = "is required") WebhookRequest request) {
        WebhookWithSecret created = webhooks.create(request, caller());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, created)
                .location(URI.create("/api/v1/admin/webhooks/" + created.id())).build();
    }

    @GET
    @Operation(summary = "Every webhook, oldest first (never a secret)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookList.class)))
    public WebhookList list() {
        return new WebhookList(webhooks.list());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One webhook (never its secret)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No webhook with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView find(@RestPath String id) {
        return webhooks.find(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook and its delivery log",
            description = "Nothing more is sent to it (an attempt already in flight may still arrive). Audited as "
                    + "action webhook, reason deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No webhook with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Void> delete(@RestPath String id) {
        webhooks.delete(id, caller());
        return RestResponse.noContent();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Give a webhook a new signing secret",
            description = "The new secret is in this answer only. For 24 hours the previous one keeps signing beside "
                    + "it: each delivery carries both signatures, space-separated, so the receiver can switch "
                    + "without losing one. Rotating again within those 24 hours drops the oldest secret at once. "
                    + "Audited as action webhook, reason secret-rotated.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookWithSecret.class)))
    @APIResponse(responseCode = "404", description = "No webhook with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookWithSecret rotate(@RestPath String id) {
        return webhooks.rotate(id, caller());
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a test event to this webhook",
            description = "No body. Appends a webhook.test event (actor: the caller, data: {\"webhookId\": id}) to "
                    + "the event log; it is delivered to this webhook only, signed and retried like any other, and "
                    + "listed in its delivery log.")
    @APIResponse(responseCode = "202", description = "The event is on its way",
            content = @Content(schema = @Schema(implementation = TestEventSent.class)))
    @APIResponse(responseCode = "404", description = "No webhook with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TestEventSent> test(@RestPath String id) {
        return RestResponse.accepted(new TestEventSent(webhooks.sendTest(id, caller()).orElse(null)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "A webhook's delivery log, newest event first",
            description = "One entry per event sent to it, with its status, attempts, the last attempt's status code "
                    + "or error, and when the next attempt is due. Kept as long as events "
                    + "(COMMENTS_EVENTS_RETENTION).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No webhook with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryPage deliveries(@RestPath String id,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        return webhooks.deliveries(id, Cursor.decodeOrNull(cursor), PageLimit.parse(limit));
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
