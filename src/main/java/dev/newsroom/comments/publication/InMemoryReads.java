package dev.newsroom.comments.publication;

import dev.newsroom.comments.web.ProblemException;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
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
 * <p>The route runs after the HTTP-level checks ({@code web.HttpLayerProblems}) and Quarkus's CORS
 * filter, so the answer carries the same headers as the resource's ({@code PublicationResourceTest}
 * compares them), and before authentication, which public reads do not need: behind it, Quarkus
 * prepares for an authentication failure by matching the request against every resource class again
 * (with metrics on, {@code ResteasyReactiveRecorder.defaultAuthFailureHandler}), a tenth of a read's
 * CPU (bench/README.md, "A post's CPU").
 */
@Singleton
class InMemoryReads {

    /** Quarkus runs a filter of priority p at route order -p (VertxHttpRecorder): CORS is 300, authentication 200. */
    private static final int AFTER_CORS_BEFORE_AUTHENTICATION = -(SecurityHandlerPriorities.CORS + SecurityHandlerPriorities.AUTHENTICATION) / 2;

    private final PublicationService publication;
    private final CacheableJson cacheable;
    private final ReadMetrics metrics;

    InMemoryReads(PublicationService publication, CacheableJson cacheable, ReadMetrics metrics) {
        this.publication = publication;
        this.cacheable = cacheable;
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, "/api/v1/articles/:articleId/comments")
                .order(AFTER_CORS_BEFORE_AUTHENTICATION).handler(this::page);
        router.route(HttpMethod.GET, "/api/v1/comment-counts")
                .order(AFTER_CORS_BEFORE_AUTHENTICATION).handler(this::counts);
    }

    private void page(RoutingContext context) {
        var query = context.queryParams();
        answerOrPassOn(context, () -> publication.cachedPage(context.pathParam("articleId"), query.get("featured"),
                query.get("limit"), query.get("cursor"), query.get("order")));
    }

    private void counts(RoutingContext context) {
        List<String> articleIds = context.queryParam("articleId");
        if (articleIds.isEmpty() || articleIds.size() > CommentCountsResource.MAX_ARTICLES) {
            context.next(); // the resource answers 400
            return;
        }
        answerOrPassOn(context, () -> publication.cachedCounts(articleIds.stream().distinct().toList()));
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
            metrics.answeredFromMemory();
            cacheable.answer(rendered.get(), context.request().getHeader(HttpHeaders.IF_NONE_MATCH), context.response());
        } else {
            context.next();
        }
    }
}
