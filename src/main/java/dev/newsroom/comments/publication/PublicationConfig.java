package dev.newsroom.comments.publication;

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
}
