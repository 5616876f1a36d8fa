package dev.newsroom.comments.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.comments.comment.ModerationView;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.comment.ArticleId;
import dev.newsroom.comments.comment.ArticleIds;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.MODERATOR, Role.ADMIN })
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Moderation")
@APIResponse(responseCode = "401", description = "No valid credentials (with WWW-Authenticate)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The account's role is not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class ModerationResource {

    private final ModerationService moderation;
    private final BulkModeration bulk;
    private final BulkByFilter bulkByFilter;
    private final SecurityIdentity identity;

    ModerationResource(ModerationService moderation, BulkModeration bulk, BulkByFilter bulkByFilter,
            SecurityIdentity identity) {
        this.moderation = moderation;
        this.bulk = bulk;
        this.bulkByFilter = bulkByFilter;
        this.identity = identity;
    }

    @GET
    @Path("comments")
    @Operation(summary = "The moderation queue", description = "Comments in one status (default pending), "
            + "optionally of one article, oldest first, with cursor pagination. An unknown status is 400. "
            + "With reported=true: the comments with open reader reports, of any status unless status is given, most "
            + "reported first (then the newest id). Its pages count the reports filed up to the first page's request (less "
            + "a second), so paging neither skips nor repeats a comment while reports arrive; later reports count "
            + "from the next first page.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = QueuePage.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, invalid articleId, limit, cursor or reported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueuePage queue(
            @Parameter(description = "pending (default, but not with reported=true), approved, rejected or spam")
            @RestQuery String status,
            @RestQuery String articleId,
            @Parameter(description = "true: the comments with open reader reports, most reported first")
            @RestQuery String reported,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        if (parseReported(reported)) {
            return moderation.reportedQueue(status == null || status.isEmpty() ? null : parseStatus(status),
                    parseArticleId(articleId), ReportedPosition.decodeOrNull(cursor), PageLimit.parse(limit));
        }
        return moderation.queue(parseStatus(status), parseArticleId(articleId), Cursor.decodeOrNull(cursor),
                PageLimit.parse(limit));
    }

    @GET
    @Path("comments/{id}")
    @Operation(summary = "One comment, with its ETag (for If-Match on decisions)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    @APIResponse(responseCode = "404", description = "No such comment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ModerationView> comment(@RestPath String id) {
        return withEtag(moderation.find(id));
    }

    @POST
    @Path("comments/{id}/approve")
    @Operation(summary = "Approve (publish) a comment", description = DECISION)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    @APIResponse(responseCode = "412", description = "If-Match did not match: the comment changed meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ModerationView> approve(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionReason.class))) @Valid DecisionReason why) {
        return decide(id, Decision.APPROVE, ifMatch, why);
    }

    @POST
    @Path("comments/{id}/reject")
    @Operation(summary = "Reject a comment (unpublishes it if it was approved)", description = DECISION)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    public RestResponse<ModerationView> reject(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionReason.class))) @Valid DecisionReason why) {
        return decide(id, Decision.REJECT, ifMatch, why);
    }

    @POST
    @Path("comments/{id}/spam")
    @Operation(summary = "Mark a comment as spam (unpublishes it if it was approved)", description = DECISION)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    public RestResponse<ModerationView> spam(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionReason.class))) @Valid DecisionReason why) {
        return decide(id, Decision.SPAM, ifMatch, why);
    }

    @POST
    @Path("comments/{id}/feature")
    @Operation(summary = "Feature a published comment (an editors' pick)",
            description = "Readers' items carry featured: true, and GET /articles/{id}/comments?featured=true lists "
                    + "the picks only. Repeating it changes nothing. A comment that leaves the published list stops "
                    + "being featured.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    @APIResponse(responseCode = "409", description = "The comment is not published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ModerationView> feature(@RestPath String id) {
        return withEtag(moderation.feature(id, true, moderator()));
    }

    @POST
    @Path("comments/{id}/unfeature")
    @Operation(summary = "Stop featuring a comment",
            description = "Repeating it changes nothing; an unpublished comment is never featured, so it answers 200 too.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    public RestResponse<ModerationView> unfeature(@RestPath String id) {
        return withEtag(moderation.feature(id, false, moderator()));
    }

    @PATCH
    @Path("comments/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, CommentEdit.MERGE_PATCH_JSON })
    @Operation(summary = "Edit a comment's name, body or website (redaction)",
            description = "A JSON merge patch of body, name and website: fields given change, absent ones stay, "
                    + "\"website\": null removes the website; name and body cannot be null. Values are trimmed and "
                    + "checked as when a reader posts them. Any other field (email, status…) is 400. With If-Match "
                    + "carrying the comment's ETag, a comment changed in the meantime answers 412 and is left as it "
                    + "was. An edit that changes nothing answers 200 and writes nothing. Otherwise the item's editedAt "
                    + "(and readers' editedAt) is set, readers see the new text at once, and the audit entry (action "
                    + "edit, from = to = the status) names the fields changed in its note, e.g. \"body,website\", "
                    + "never their old or new values; the old text is kept nowhere. The answer carries the new ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ModerationView.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON object, an unknown field, a null name or body, or an "
            + "invalid value: violations name the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such comment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match did not match: the comment changed meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json or application/merge-patch+json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ModerationView> edit(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentEdit.class)),
                    @Content(mediaType = CommentEdit.MERGE_PATCH_JSON, schema = @Schema(implementation = CommentEdit.class)) })
            JsonNode patch) {
        return withEtag(moderation.edit(id, CommentEdit.of(patch), ifMatch, moderator()));
    }

    @DELETE
    @Path("comments/{id}")
    @Operation(summary = "Delete a comment for good", description = "Its replies stay, as top-level comments.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such comment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Void> delete(@RestPath String id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        moderation.delete(id, ifMatch, moderator());
        return RestResponse.noContent();
    }

    @POST
    @Path("comments/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One action for up to 500 comments",
            description = "Each id is handled on its own (a transaction and an audit entry per comment); unknown ids "
                    + "answer error not-found and do not stop the others. Results come in the order of the ids.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    public BulkResult bulk(@NotNull(message = "is required") @Valid BulkRequest request) {
        return bulk.apply(request, moderator());
    }

    @POST
    @Path("comments/bulk-by-filter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One action for every comment matching a filter",
            description = "filter.status is required; articleId, authorId, reason (exact, or the code before ':'), "
                    + "submittedAfter (inclusive) and submittedBefore (exclusive) narrow it. matched counts every match "
                    + "when the call begins; dryRun: true applies nothing. At most 10,000 comments (the oldest) are "
                    + "considered per call, truncated: true when more matched: call again. The run goes in batches of "
                    + "100 that each commit, oldest first; a comment someone decided meanwhile (no longer in "
                    + "filter.status) is left alone. Each comment is audited as in the other bulk, with reason and note. "
                    + "An unknown authorId matches nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkFilterResult.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid filter, action, reason or note",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BulkFilterResult bulkByFilter(@NotNull(message = "is required") @Valid BulkFilterRequest request) {
        return bulkByFilter.apply(request, moderator());
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit trail, newest first",
            description = "Every change a moderator made: decisions, deletions (to = null), bulk actions (one entry "
                    + "per comment), edits (the fields changed in note, never their values), closing and opening "
                    + "articles (commentId = null). Append-only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    public AuditPage audit(@RestQuery String commentId,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor) {
        return moderation.auditTrail(commentId == null || commentId.isEmpty() ? null : commentId,
                Cursor.decodeOrNull(cursor), PageLimit.parse(limit));
    }

    @POST
    @Path("articles/{articleId}/close")
    @Operation(summary = "Close an article to new comments",
            description = "New comments on it are refused with 403; published ones stay visible. Idempotent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleState.class)))
    public ArticleState close(@ArticleId @RestPath String articleId) {
        return moderation.setClosed(articleId, true, moderator());
    }

    @POST
    @Path("articles/{articleId}/open")
    @Operation(summary = "Open an article to new comments again", description = "Idempotent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleState.class)))
    public ArticleState open(@ArticleId @RestPath String articleId) {
        return moderation.setClosed(articleId, false, moderator());
    }

    @GET
    @Path("stats")
    @Operation(summary = "Number of comments in each status",
            description = "Exact, and as cheap with a million comments as with ten: the counts are kept as comments "
                    + "are stored, decided and removed.")
    public ModerationStats stats() {
        return moderation.stats();
    }

    private RestResponse<ModerationView> decide(String id, Decision decision, String ifMatch, DecisionReason why) {
        return withEtag(moderation.decide(id, decision, ifMatch, moderator(), why == null ? DecisionReason.NONE : why));
    }

    private String moderator() {
        return identity.getPrincipal().getName();
    }

    private static RestResponse<ModerationView> withEtag(VersionedView versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.view()).header(HttpHeaders.ETAG, versioned.etag()).build();
    }

    private static CommentStatus parseStatus(String status) {
        if (status == null || status.isEmpty()) {
            return CommentStatus.PENDING;
        }
        return CommentStatus.fromWireName(status).orElseThrow(() -> ProblemException.invalidField("status",
                "must be pending, approved, rejected or spam"));
    }

    private static boolean parseReported(String reported) {
        if (reported == null || reported.isEmpty() || reported.equals("false")) {
            return false;
        }
        if (reported.equals("true")) {
            return true;
        }
        throw ProblemException.invalidField("reported", "must be true or false");
    }

    private static String parseArticleId(String articleId) {
        if (articleId == null || articleId.isEmpty()) {
            return null;
        }
        return ArticleIds.requireValid(articleId);
    }

    private static final String DECISION = "Repeating a decision already in force is harmless (200, nothing "
            + "changes). With If-Match carrying the comment's ETag, a comment changed in the meantime answers 412 and "
            + "is left as it was. The answer carries the new ETag. An optional JSON body gives the reason: "
            + "{\"reason\": \"offensive|abusive|spam|banned-word|ad|illegal|harassment|misinformation|hate|off-topic|other\", "
            + "\"note\": \"…\"} (note at most 1000 characters; an unknown reason is 400). Both are kept in the audit "
            + "entry and in the item's decision.";
}
