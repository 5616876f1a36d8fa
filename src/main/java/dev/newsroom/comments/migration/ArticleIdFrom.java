package dev.newsroom.comments.migration;

import java.util.Optional;

/**
 * Which part of a WordPress post becomes the article id (API.md §8, {@code articleIdFrom}): its slug
 * ({@code wp:post_name}, the default), its number ({@code wp:post_id}) or the path of its link.
 */
enum ArticleIdFrom {
    SLUG("slug"), ID("id"), LINK_PATH("link-path");

    private final String wireName;

    ArticleIdFrom(String wireName) {
        this.wireName = wireName;
    }

    static Optional<ArticleIdFrom> fromWireName(String value) {
        for (ArticleIdFrom from : values()) {
            if (from.wireName.equals(value)) {
                return Optional.of(from);
            }
        }
        return Optional.empty();
    }
}
