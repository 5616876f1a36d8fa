package dev.newsroom.comments.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsroom.comments.comment.Author;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.Standing;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as moderators see them (API.md §5): never the email, only the opaque id. */
@Schema(name = "Author")
record AuthorView(String authorId, Standing standing,
        @Schema(description = "When the standing ends (normal again); null: until changed", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant until,
        @Schema(description = "The moderator's note on the standing", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String note,
        Counts counts,
        @Schema(description = "When their first comment was received; null if none was stored", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant firstSeen,
        @Schema(description = "When their latest comment was received", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastSeen) {

    /** All the author's comments per status, kept as comments are stored, decided and removed. */
    record Counts(long approved, long pending, long rejected, long spam) {
    }

    static AuthorView of(Author author, Instant now) {
        return new AuthorView(author.authorId(), author.standingAt(now), author.untilAt(now), author.noteAt(now),
                new Counts(author.count(CommentStatus.APPROVED), author.count(CommentStatus.PENDING),
                        author.count(CommentStatus.REJECTED), author.count(CommentStatus.SPAM)),
                author.firstSeen(), author.lastSeen());
    }
}
