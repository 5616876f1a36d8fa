package dev.newsroom.comments.author;

import dev.newsroom.comments.comment.ModerationView;
import java.util.List;

/** One page of an author's comments, newest first, as moderator items. */
record AuthorCommentsPage(List<ModerationView> comments, String nextCursor) {
}
