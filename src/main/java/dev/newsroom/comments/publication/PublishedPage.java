package dev.newsroom.comments.publication;

import dev.newsroom.comments.comment.PublicComment;
import java.util.List;

/** One page of an article's approved comments; {@code total} counts all of them, not just this page. */
public record PublishedPage(String articleId, long total, String nextCursor, List<PublicComment> comments) {
}
