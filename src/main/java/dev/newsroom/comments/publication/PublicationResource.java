package dev.newsroom.comments.publication;

import dev.newsroom.comments.comment.ArticleId;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.OffEventLoop;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.ProblemException;
import io.smallrye.mutiny.Uni;
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

    PublicationResource(PublicationService publication, CacheableJson cacheable) {
        this.publication = publication;
        this.cacheable = cacheable;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approved comments of an article",
            description = "Approved comments only, oldest first unless order=newest; an unknown article has none "
                    + "(200). bodyHtml is escaped and safe to insert. No email, nothing derived from it, no IP, no "
                    + "moderation data. ETag on every answer; If-None-Match → 304; Cache-Control: public, max-age "
                    + "(comments.publication.max-age).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublishedPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Uni<Response> approvedComments(@ArticleId @RestPath String articleId,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "nextCursor of the previous page") @RestQuery String cursor,
            @Parameter(description = "oldest (default) or newest") @RestQuery String order,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        var request = new PublicationService.PageRequest(articleId, parseOrder(order), cursor,
                Cursor.decodeOrNull(cursor), PageLimit.parse(limit));
        // A page in memory is answered right here on the I/O thread; otherwise a worker reads the database.
        return publication.cachedPage(request)
                .map(page -> Uni.createFrom().item(cacheable.answer(page, ifNoneMatch)))
                .orElseGet(() -> OffEventLoop.call(() -> cacheable.answer(publication.page(request), ifNoneMatch)));
    }

    private static CommentRepository.Order parseOrder(String order) {
        if (order == null || order.isEmpty() || order.equals("oldest")) {
            return CommentRepository.Order.OLDEST;
        }
        if (order.equals("newest")) {
            return CommentRepository.Order.NEWEST;
        }
        throw ProblemException.invalidField("order", "must be oldest or newest");
    }
}
