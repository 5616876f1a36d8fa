package dev.newsroom.comments.publication;

import dev.newsroom.comments.web.ProblemException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Answers readers' pages and counts that are in memory straight from the HTTP layer, on the I/O
 * thread, before the REST layer: a popular article is read by every reader at once, and each of
 * those reads then costs about what a static file does. Everything else (a page not in memory
 * yet, a malformed request that deserves a 400) goes on to {@link PublicationResource} and
 * {@link CommentCountsResource}, which fill the memory for the next reader.
 *
 * <p>The route runs after the HTTP-level checks and CORS ({@code web.HttpLayerProblems}), so the
 * answer carries the same headers as the resource's; {@code PublicationResourceTest} compares them.
 */
@Singleton
class InMemoryReads {

    private final PublicationService publication;
    private final CacheableJson cacheable;

    InMemoryReads(PublicationService publication, CacheableJson cacheable) {
        this.publication = publication;
        this.cacheable = cacheable;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/api/v1/articles/:articleId/comments")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::page);
        router.route(HttpMethod.GET, "/api/v1/comment-counts")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::counts);
    }

    private void page(RoutingContext context) {
        answerOrPassOn(context, () -> publication.cachedPage(PublicationService.PageRequest.parse(
                context.pathParam("articleId"), context.queryParams().get("limit"),
                context.queryParams().get("cursor"), context.queryParams().get("order"))));
    }

    private void counts(RoutingContext context) {
        answerOrPassOn(context, () -> publication.cachedCounts(
                CommentCountsResource.distinctValidIds(context.queryParam("articleId"))));
    }

    private interface Lookup {
        Optional<CacheableJson.Rendered> inMemory();
    }

    private void answerOrPassOn(RoutingContext context, Lookup lookup) {
        Optional<CacheableJson.Rendered> rendered;
        try {
            rendered = lookup.inMemory();
        } catch (ProblemException | IllegalArgumentException invalid) {
            rendered = Optional.empty(); // the resource answers it, as a problem document
        }
        if (rendered.isPresent()) {
            cacheable.answer(rendered.get(), context.request().getHeader(HttpHeaders.IF_NONE_MATCH), context.response());
        } else {
            context.next();
        }
    }
}
