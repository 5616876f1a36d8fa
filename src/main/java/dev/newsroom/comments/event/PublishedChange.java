package dev.newsroom.comments.event;

import dev.newsroom.comments.comment.CommentStatus;

/** What a comment's change means for readers' pages (API.md §6, {@code /published-changes}). */
public enum PublishedChange {
    PUBLISHED, UPDATED, UNPUBLISHED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** published when a comment enters the published list, unpublished when it leaves, else null. */
    public static PublishedChange between(CommentStatus from, CommentStatus to) {
        if (from != CommentStatus.APPROVED && to == CommentStatus.APPROVED) {
            return PUBLISHED;
        }
        if (from == CommentStatus.APPROVED && to != CommentStatus.APPROVED) {
            return UNPUBLISHED;
        }
        return null;
    }

    /** updated when a published comment changed in place (an edit, a pick), else null. */
    public static PublishedChange inPlace(CommentStatus status) {
        return status == CommentStatus.APPROVED ? UPDATED : null;
    }
}
