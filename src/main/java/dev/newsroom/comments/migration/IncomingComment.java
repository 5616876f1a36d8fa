package dev.newsroom.comments.migration;

import dev.newsroom.comments.comment.Comment;

/**
 * One comment read from an export, mapped and checked, not yet stored.
 *
 * @param where            where it is in the file, for errors ("comment 12 of item putin-kim")
 * @param originalId       its id in the source (WordPress comment id, Disqus post id, our id)
 * @param parentOriginalId its parent's id in the source, or null for a top-level comment
 * @param comment          the comment to store; its parent is resolved when the batch is written
 */
record IncomingComment(String where, String originalId, String parentOriginalId, Comment.Imported comment) {
}
