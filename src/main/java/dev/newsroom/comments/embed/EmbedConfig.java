package dev.newsroom.comments.embed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code comments.embed.*}: the page without JavaScript (API.md §7). */
@ConfigMapping(prefix = "comments.embed")
interface EmbedConfig {

    /** Comments per page of {@code /embed/articles/{id}}, 1–200 (the API's page bounds). */
    @WithDefault("50")
    int pageSize();
}
