package dev.newsroom.comments.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsroom.comments.comment.ArticleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Published pages kept in memory as the exact bytes readers get, with their ETag, so a read of a
 * popular article costs about as much as serving a static file: no query, no serialisation, and
 * a 304 decided without the database. Approved counts are kept per article the same way.
 *
 * <p>Whatever changes what readers of an article see fires {@link ArticleChanged}; after that
 * transaction commits, the article's pages and count are dropped here, so this instance shows the
 * change at once. Other instances drop their copies when they expire, within
 * {@code comments.publication.cache-ttl}.
 */
@ApplicationScoped
class PublishedPages {

    /** One page as readers ask for it. */
    record PageKey(String articleId, boolean featuredOnly, String order, String cursor, int limit) {
    }

    /** Roughly what a page's key, ETag and cache entry weigh besides its bytes. */
    private static final int KEY_AND_ENTRY_BYTES = 512;
    /** Article counts kept, at about 200 bytes each: at most about 10 MB. */
    private static final int MAX_COUNTS = 50_000;

    private final Cache<PageKey, CacheableJson.Rendered> pages;
    private final Cache<String, Long> counts;

    PublishedPages(PublicationConfig config) {
        if (config.cacheTtl().compareTo(config.maxAge()) > 0) {
            throw new IllegalStateException("comments.publication.cache-ttl must not exceed comments.publication.max-age");
        }
        this.pages = Caffeine.newBuilder()
                .maximumWeight(config.cacheSize().asLongValue())
                .weigher((PageKey key, CacheableJson.Rendered page) -> page.bytes().length + KEY_AND_ENTRY_BYTES)
                .expireAfterWrite(config.cacheTtl()).build();
        this.counts = Caffeine.newBuilder().maximumSize(MAX_COUNTS).expireAfterWrite(config.cacheTtl()).build();
    }

    Optional<CacheableJson.Rendered> page(PageKey key) {
        return Optional.ofNullable(pages.getIfPresent(key));
    }

    CacheableJson.Rendered page(PageKey key, Supplier<CacheableJson.Rendered> render) {
        return pages.get(key, ignored -> render.get());
    }

    /** The approved counts of these articles, if every one of them is in memory. */
    Optional<Map<String, Long>> countsInMemory(Collection<String> articleIds) {
        Map<String, Long> present = counts.getAllPresent(articleIds);
        return present.size() == java.util.Set.copyOf(articleIds).size() ? Optional.of(present) : Optional.empty();
    }

    /** The approved counts of these articles; those not in memory are loaded in one go. */
    Map<String, Long> counts(Collection<String> articleIds, Function<Collection<String>, Map<String, Long>> load) {
        return counts.getAll(articleIds, missing -> {
            Map<String, Long> loaded = new java.util.HashMap<>(load.apply(java.util.Set.copyOf(missing)));
            missing.forEach(id -> loaded.putIfAbsent(id, 0L));
            return loaded;
        });
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        pages.asMap().keySet().removeIf(key -> key.articleId().equals(change.articleId()));
        counts.invalidate(change.articleId());
    }
}
