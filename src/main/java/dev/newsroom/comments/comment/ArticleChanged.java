package dev.newsroom.comments.comment;

/**
 * Fired (as a CDI event) in the transaction that changes what readers of an article may see: a
 * decision, a deletion, an erasure, a comment published at once. Observers that keep copies of
 * published pages listen after a successful commit.
 */
public record ArticleChanged(String articleId) {
}
