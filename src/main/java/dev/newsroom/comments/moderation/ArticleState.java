package dev.newsroom.comments.moderation;

/** Whether an article takes new comments. */
record ArticleState(String articleId, boolean closed) {
}
