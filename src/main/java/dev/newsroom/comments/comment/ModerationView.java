package dev.newsroom.comments.comment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment as moderators (and a data-subject export) see it: the reader view plus article, the
 * opened email (null once erased), status and moderation data, the author's id and record, and the
 * open reader reports. Built by {@link ModerationViews}, which reads authors and reports per page.
 */
public record ModerationView(String id, String articleId, String parentId, String name, String email, String website,
        String body, String bodyHtml, Instant createdAt, CommentStatus status, List<String> reasons,
        Instant updatedAt, String decidedBy, @Schema(description = "An editors' pick") boolean featured,
        @Schema(description = "The latest moderator decision; null before any.", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) LatestDecision decision,
        @Schema(description = PublicComment.EDITED_AT, nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant editedAt,
        @Schema(description = "Opaque and stable for one email (derived from it with the service's key); for "
                + "GET /moderation/authors/{authorId}. Null once the email was erased.", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String authorId,
        @Schema(description = "The author's comments per status and standing; null once the email was erased.",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) AuthorSummary author,
        @Schema(description = "Open reader reports; a decision closes them") ReportSummary reports) {

    /** Who decided, when, and the reason code and note they gave (both null when none was given). */
    public record LatestDecision(
            @Schema(description = "A reason code of API.md §5, or null", nullable = true)
            @JsonInclude(JsonInclude.Include.ALWAYS) String reason,
            @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String note,
            String by, Instant at) {
    }

    static ModerationView of(Comment comment, EmailVault vault, Authors.Known author, ReportSummary reports) {
        return of(comment, vault.open(comment.sealedEmail(), comment.id()), author, reports);
    }

    /** The same with the email already at hand (a comment just submitted), not opened again. */
    static ModerationView of(Comment comment, String email, Authors.Known author, ReportSummary reports) {
        return new ModerationView(comment.id(), comment.articleId(), comment.parentId(), comment.authorName(),
                email, comment.website(), comment.body(),
                BodyRenderer.toHtml(comment.body()), comment.createdAt(), comment.status(), comment.reasons(),
                comment.updatedAt(), comment.decidedBy(), comment.featured(), latestDecision(comment),
                comment.editedAt(),
                author == null ? null : author.authorId(), author == null ? null : author.summary(), reports);
    }

    private static LatestDecision latestDecision(Comment comment) {
        return comment.decidedBy() == null ? null
                : new LatestDecision(comment.decisionReason(), comment.decisionNote(), comment.decidedBy(),
                        comment.decidedAt());
    }
}
