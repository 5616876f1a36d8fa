package dev.newsroom.comments.migration;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/admin/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Migration", description = "Moving comments in from WordPress or Disqus, and out again (role admin).")
@APIResponse(responseCode = "401", description = "No valid credentials (with WWW-Authenticate)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The account's role is not admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class ImportResource {

    static final String PATH = "/api/v1/admin/imports";

    private final ImportService imports;
    private final SecurityIdentity identity;

    ImportResource(ImportService imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_XML, MediaType.TEXT_XML, ExportResource.JSON_LINES, "application/jsonl",
            MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Import an export file",
            description = """
                    The file is the body (up to COMMENTS_IMPORT_MAX_SIZE, 1 GB by default; other requests stay \
                    limited to 64 KiB). It is stored, then imported in the background in batches that each \
                    commit; follow GET /admin/imports/{id}. XML is read as a stream with a hardened parser: a \
                    DOCTYPE declaration (and so any entity definition, external DTD or XXE) fails the import.

                    WordPress WXR (1.0, 1.1, 1.2): each item is an article: its wp:post_name (a slug that is not \
                    a valid article id, such as a percent-encoded non-Latin one, becomes wp-<post_id>), or with \
                    articleIdFrom=id its wp:post_id, or with articleIdFrom=link-path the path of its link with \
                    the segments joined by ':' (/world/2024/putin-kim/ → world:2024:putin-kim). \
                    wp:comment_approved 1 → approved, 0 → pending, spam → spam, trash (and post-trashed) → \
                    rejected; pingbacks, trackbacks, editorial notes (note) and other comment types are left out. \
                    wp:comment_parent keeps the thread; a reply whose parent is not imported is top-level. \
                    wp:comment_date_gmt is the date (wp:comment_date, read as UTC, when it is missing).

                    Disqus: each thread is an article (its <id>, or the path of its <link> as above when the id is \
                    empty or not a valid article id), each post a comment; isDeleted → left out, isSpam → spam, \
                    isApproved false → pending, otherwise approved; a post without an email is imported without one.

                    JSON Lines: the service's own export (GET /admin/exports?format=jsonl), restored as it was.

                    Comment HTML becomes plain text (tags removed, a link's URL kept after its text, paragraphs and \
                    line breaks kept, character references decoded once); names and websites are decoded once; \
                    emails are trimmed, sealed and indexed like any; a website that is not an http(s) address is \
                    left out; IP addresses and user agents are not kept. Intake rules do not judge imported \
                    comments and no per-comment events are written: the import ends with import.completed, one \
                    per article that received comments (with a published-changes entry when it shows more) and \
                    one for the whole import.

                    The same file again imports nothing twice (each source comment id is remembered), and two \
                    imports of it at once neither. A malformed item is skipped and listed in errors; a file that \
                    is not well-formed XML fails the import with the parser's message and position, keeping what \
                    was read before; importing the repaired file adds the rest.""")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ExportResource.JSON_LINES, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "202", description = "Stored and importing; Location is its progress",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ImportStarted.class)))
    @APIResponse(responseCode = "400", description = "format or articleIdFrom missing or unknown, or an empty body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than COMMENTS_IMPORT_MAX_SIZE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not XML, JSON Lines or octet-stream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ImportStarted> start(
            @Parameter(description = "wxr, disqus or jsonl", required = true) @RestQuery String format,
            @Parameter(description = "WXR only: slug (default), id or link-path") @RestQuery String articleIdFrom,
            InputStream body) {
        ImportFormat parsed = ImportFormat.fromWireName(format)
                .orElseThrow(() -> ProblemException.invalidField("format", "must be wxr, disqus or jsonl"));
        ArticleIdFrom from = articleIdFrom == null ? ArticleIdFrom.SLUG : ArticleIdFrom.fromWireName(articleIdFrom)
                .orElseThrow(() -> ProblemException.invalidField("articleIdFrom", "must be slug, id or link-path"));
        String id = imports.start(parsed, from, body, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, new ImportStarted(id, ImportJob.RUNNING))
                .location(URI.create(PATH + "/" + id)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import's progress",
            description = "Counters as of the last committed batch: processed = imported + skipped once it is done.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = "No import with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportView progress(@RestPath String id) {
        return imports.view(id);
    }

    /** The answer to a started import. */
    record ImportStarted(String id, @Schema(enumeration = "running") String status) {
    }
}
