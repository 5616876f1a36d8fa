package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.AuditEntry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An audit entry as the API shows it. {@code commentId} is null for article actions (close,
 * open), {@code to} is null for a deletion; {@code articleId} is given but for site settings, whose
 * entries (action {@code settings}) carry the setting's name as {@code reason} and its old and new
 * values as {@code from} and {@code to}. An edit's entry (action {@code edit}, from = to = the
 * comment's status) carries the names of the fields changed as {@code note}, comma-separated in the
 * order body, name, website: never their old or new values, which an edit exists to remove. Standing entries carry
 * {@code authorId} and the old and new standing. Webhook entries (action {@code webhook}) carry
 * {@code created}, {@code deleted} or {@code secret-rotated} as reason and the webhook's id and URL
 * origin as note (webhook.WebhookService).
 */
record AuditView(Instant at, String moderator, String action, String commentId, String articleId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String from, @JsonInclude(JsonInclude.Include.ALWAYS) String to,
        @Schema(description = "The reason code given with a decision (API.md §5), the setting's name for a "
                + "settings entry, created, deleted or secret-rotated for a webhook entry; null otherwise",
                nullable = true)
        String reason,
        @Schema(description = "The note given with a decision or a standing; for an edit, the names of the fields "
                + "changed, comma-separated (e.g. body,website), never their values; for a webhook entry, the "
                + "webhook's id and its URL's scheme, host and port (never its path, query or secret); null otherwise",
                nullable = true)
        String note,
        @Schema(description = "The author of a standing entry; null otherwise", nullable = true) String authorId) {

    static AuditView of(AuditEntry entry) {
        return new AuditView(entry.at(), entry.moderator(), entry.action(), entry.commentId(), entry.articleId(),
                entry.from(), entry.to(), entry.reason(), entry.note(), entry.authorId());
    }
}
