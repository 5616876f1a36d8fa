package dev.newsroom.comments.publication;

import java.util.Map;

/** Approved comments per requested article, zero included, in the order asked. */
record CommentCounts(Map<String, Long> counts) {
}
