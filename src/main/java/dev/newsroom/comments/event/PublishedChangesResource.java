package dev.newsroom.comments.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.web.EntityTags;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.Problem;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/published-changes")
@Tag(name = "Readers")
class PublishedChangesResource {

    /** A full page after a given id never changes again; the last, partial page may grow. */
    private static final String FULL_PAGE = "public, max-age=86400, immutable";
    private static final String PARTIAL_PAGE = "public, max-age=5";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    PublishedChangesResource(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "What changed on readers' pages, oldest first",
            description = "For a CDN purge or a static site build: each comment published, updated (edited, "
                    + "featured) or unpublished, in commit order, with the same ids as the event log. No "
                    + "authentication, nothing private. A full page is cacheable for a day (it never changes); "
                    + "the last one for 5 s. ETag; If-None-Match → 304.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublishedChanges.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid after or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changes(@Parameter(description = "A change id; absent: from the oldest kept") @RestQuery String after,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws JsonProcessingException {
        Long from = PositionParameter.parseOrNull("after", after);
        int size = PageLimit.parse(limit);
        List<PublishedChanges.Change> changes = entityManager.createQuery("select e.position, e.articleId, e.commentId,"
                + " e.publishedChange from Event e where e.position > :after and e.publishedChange is not null"
                + " order by e.position", Object[].class)
                .setParameter("after", from == null ? 0 : from).setMaxResults(size).getResultStream()
                .map(row -> new PublishedChanges.Change(row[0].toString(), (String) row[1], (String) row[2],
                        (String) row[3]))
                .toList();
        String lastId = changes.isEmpty() ? (from == null ? null : from.toString()) : changes.getLast().id();
        byte[] body = json.writeValueAsBytes(new PublishedChanges(changes, lastId));
        String etag = EntityTags.ofContent(body);
        Response.ResponseBuilder answer = EntityTags.noneMatchHits(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        return answer.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, from != null && changes.size() == size ? FULL_PAGE : PARTIAL_PAGE)
                .build();
    }
}
