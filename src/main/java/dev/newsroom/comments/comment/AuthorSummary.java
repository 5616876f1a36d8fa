package dev.newsroom.comments.comment;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The author of a comment as moderators see it next to each item (API.md §5). */
@Schema(description = "The author's comments per status (all of them, kept as they change) and standing")
public record AuthorSummary(long approved, long pending, long rejected, long spam, Standing standing) {

    /** A row of {@link Authors#summaries}: index, id, standing, until, then the four counts. */
    static AuthorSummary of(Object[] row, Instant now) {
        Standing standing = (Standing) row[2];
        Instant until = (Instant) row[3];
        boolean expired = until != null && !until.isAfter(now);
        return new AuthorSummary(((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                ((Number) row[6]).longValue(), ((Number) row[7]).longValue(), expired ? Standing.NORMAL : standing);
    }
}
