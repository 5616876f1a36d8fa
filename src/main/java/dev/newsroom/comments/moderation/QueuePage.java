package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.ModerationView;

import java.util.List;

/** One page of the moderation queue, oldest first. */
record QueuePage(List<ModerationView> comments, String nextCursor) {
}
