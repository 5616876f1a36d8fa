package dev.newsroom.comments.publication;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code comments.publication.*}: how readers' lists may be cached. */
@ConfigMapping(prefix = "comments.publication")
interface PublicationConfig {

    /**
     * {@code Cache-Control: public, max-age} of published lists and counts: how long a CDN or
     * browser may keep a page, and so how soon an approved comment is visible everywhere.
     */
    @WithDefault("PT30S")
    Duration maxAge();

    /**
     * How long this instance answers readers from its in-memory copy of a page or count before
     * reading the database again. A decision taken on this instance shows at once; one taken on
     * another instance shows within this time. At most max-age.
     */
    @WithDefault("PT5S")
    Duration cacheTtl();

    /**
     * How much memory one instance gives to pages kept for readers, counted in the bytes sent:
     * the least recently used pages go first. Bounded in bytes, not pages, because a page of
     * 200 long comments weighs a hundred times one of two short ones.
     */
    @WithDefault("32M")
    MemorySize cacheSize();
}
