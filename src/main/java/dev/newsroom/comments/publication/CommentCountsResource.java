package dev.newsroom.comments.publication;

import dev.newsroom.comments.comment.ArticleIds;
import dev.newsroom.comments.web.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/comment-counts")
@Tag(name = "Readers")
class CommentCountsResource {

    static final int MAX_ARTICLES = 100;

    private final PublicationService publication;
    private final CacheableJson cacheable;
    private final ReadMetrics metrics;

    CommentCountsResource(PublicationService publication, CacheableJson cacheable, ReadMetrics metrics) {
        this.publication = publication;
        this.cacheable = cacheable;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approved comment counts for up to 100 articles",
            description = "Repeat articleId for each article: ?articleId=a&articleId=b. Unknown articles count 0; "
                    + "more than 100 ids, or none, is 400. Cacheable like the lists (ETag, Cache-Control).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommentCounts.class)))
    public Response counts(@RestQuery("articleId") List<String> articleIds,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // Counts already in memory never get here: InMemoryReads answers them on the I/O thread.
        Response answer = cacheable.answer(publication.counts(distinctValidIds(articleIds)), ifNoneMatch);
        metrics.answeredFromDatabase();
        return answer;
    }

    /** The distinct article ids asked for, in order, or a 400 problem. */
    static List<String> distinctValidIds(List<String> articleIds) {
        if (articleIds == null || articleIds.isEmpty() || articleIds.size() > MAX_ARTICLES) {
            throw ProblemException.invalidField("articleId", "give 1 to " + MAX_ARTICLES + " article ids");
        }
        articleIds.forEach(ArticleIds::requireValid);
        return articleIds.stream().distinct().toList();
    }
}
