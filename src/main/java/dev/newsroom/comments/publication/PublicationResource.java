package dev.newsroom.comments.publication;

import dev.newsroom.comments.comment.ArticleId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/articles/{articleId}/comments")
@Tag(name = "Readers")
class PublicationResource {

    private final PublicationService publication;
    private final CacheableJson cacheable;
    private final ReadMetrics metrics;

    PublicationResource(PublicationService publication, CacheableJson cacheable, ReadMetrics metrics) {
        this.publication = publication;
        this.cacheable = cacheable;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approved comments of an article",
            description = "Approved comments only, oldest first unless order=newest; an unknown article has none "
                    + "(200); featured=true lists the editors' picks only (total then counts them). bodyHtml is "
                    + "escaped and safe to insert. No email, nothing derived from it, no IP, no moderation data. "
                    + "ETag on every answer; If-None-Match → 304; Cache-Control: public, max-age "
                    + "(comments.publication.max-age).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublishedPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response approvedComments(@ArticleId @RestPath String articleId,
            @Parameter(description = "true: the editors' picks only (featured); default false") @RestQuery String featured,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor,
            @Parameter(description = "oldest (default) or newest") @RestQuery String order,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // Pages already in memory never get here: InMemoryReads answers them on the I/O thread.
        var request = PublicationService.PageRequest.parse(articleId, featured, limit, cursor, order);
        Response answer = cacheable.answer(publication.page(request), ifNoneMatch);
        metrics.answeredFromDatabase();
        return answer;
    }
}
