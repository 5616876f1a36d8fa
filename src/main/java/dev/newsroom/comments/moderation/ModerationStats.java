package dev.newsroom.comments.moderation;

/** How many comments are in each status. */
record ModerationStats(long pending, long approved, long rejected, long spam) {
}
