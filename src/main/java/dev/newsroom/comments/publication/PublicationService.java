package dev.newsroom.comments.publication;

import dev.newsroom.comments.comment.ArticleIds;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.PublicComment;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.KeysetPage;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What readers see: approved comments only, through {@link PublicComment} only, rendered once and
 * kept in {@link PublishedPages} until a change to the article or the cache TTL.
 */
@ApplicationScoped
public class PublicationService {

    private final CommentRepository comments;
    private final PublishedPages published;
    private final CacheableJson cacheable;

    PublicationService(CommentRepository comments, PublishedPages published, CacheableJson cacheable) {
        this.comments = comments;
        this.published = published;
        this.cacheable = cacheable;
    }

    /**
     * The page if it is in memory: answering it needs no database and no worker thread. Takes the
     * raw values: only validated requests ever put a page in memory, so an invalid article id or
     * cursor simply finds nothing. A bad order or limit throws the same 400 problem as {@link PageRequest#parse}.
     */
    Optional<CacheableJson.Rendered> cachedPage(String articleId, String featured, String limit, String cursor,
            String order) {
        return published.page(PageRequest.keyOf(articleId, PageRequest.parseFeatured(featured),
                PageRequest.parseOrder(order), cursor, PageLimit.parse(limit)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    CacheableJson.Rendered page(PageRequest request) {
        return published.page(request.key(), () -> cacheable.render(approvedComments(request)));
    }

    private PublishedPage approvedComments(PageRequest request) {
        KeysetPage<Comment> page = KeysetPage.of(comments.findApprovedByArticle(request.articleId(),
                request.featuredOnly(), request.order(), request.after(), request.limit()), request.limit(),
                Comment::position);
        return new PublishedPage(request.articleId(),
                comments.countApprovedByArticle(request.articleId(), request.featuredOnly()),
                page.nextCursor(), page.items().stream().map(PublicComment::of).toList());
    }

    /**
     * One page of an article's approved comments, oldest first, for the pages the service renders
     * itself (API.md §7); not cached, since those pages carry a captcha and are never stored anyway.
     * A bad article id or cursor is the same 400 problem as the JSON list's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublishedPage approvedPage(String articleId, String cursor, int limit) {
        return approvedComments(PageRequest.parse(articleId, null, Integer.toString(limit), cursor, null));
    }

    /**
     * The counts if all of them are in memory: answering them needs no database and no worker
     * thread. The ids need no validation here: only validated ids ever have a count in memory.
     */
    Optional<CacheableJson.Rendered> cachedCounts(List<String> articleIds) {
        return published.countsInMemory(articleIds).map(known -> renderCounts(articleIds, known));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    CacheableJson.Rendered counts(List<String> articleIds) {
        return renderCounts(articleIds, published.counts(articleIds, comments::countApprovedByArticles));
    }

    private CacheableJson.Rendered renderCounts(List<String> articleIds, Map<String, Long> known) {
        Map<String, Long> counts = new LinkedHashMap<>();
        articleIds.forEach(id -> counts.put(id, known.get(id)));
        return cacheable.render(new CommentCounts(counts));
    }

    /** A reader's request for one page of an article's approved comments, validated. */
    record PageRequest(String articleId, boolean featuredOnly, CommentRepository.Order order, String cursor,
            Cursor after, int limit) {

        /** From the raw path and query values, or a 400 problem naming the first bad one. */
        static PageRequest parse(String articleId, String featured, String limit, String cursor, String order) {
            return new PageRequest(ArticleIds.requireValid(articleId), parseFeatured(featured), parseOrder(order),
                    cursor, Cursor.decodeOrNull(cursor), PageLimit.parse(limit));
        }

        /** {@code featured=true} lists the editors' picks only; absent or {@code false}, every approved comment. */
        static boolean parseFeatured(String featured) {
            if (featured == null || featured.isEmpty() || featured.equals("false")) {
                return false;
            }
            if (featured.equals("true")) {
                return true;
            }
            throw ProblemException.invalidField("featured", "must be true or false");
        }

        static CommentRepository.Order parseOrder(String order) {
            if (order == null || order.isEmpty() || order.equals("oldest")) {
                return CommentRepository.Order.OLDEST;
            }
            if (order.equals("newest")) {
                return CommentRepository.Order.NEWEST;
            }
            throw ProblemException.invalidField("order", "must be oldest or newest");
        }

        PublishedPages.PageKey key() {
            return keyOf(articleId, featuredOnly, order, cursor, limit);
        }

        static PublishedPages.PageKey keyOf(String articleId, boolean featuredOnly, CommentRepository.Order order,
                String cursor, int limit) {
            return new PublishedPages.PageKey(articleId, featuredOnly, order.name(), cursor == null ? "" : cursor,
                    limit);
        }
    }
}
