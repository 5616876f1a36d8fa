package dev.newsroom.comments.comment;

import java.time.Instant;

/**
 * Which comments a bulk action by query applies to (API.md §5): one status, and optionally one
 * article, one author (by email index), one reason (exact, or a code before {@code :}) and a
 * window of submission times, {@code submittedAfter} inclusive and {@code submittedBefore} exclusive.
 */
public record CommentFilter(CommentStatus status, String articleId, String emailIndex, String reason,
        Instant submittedAfter, Instant submittedBefore) {
}
