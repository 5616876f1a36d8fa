package dev.newsroom.comments.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just created: the only time its secret is shown. */
record NewApiToken(String id, String name,
        @Schema(description = "Send as Authorization: Bearer <token>. Shown this once; only its hash is kept.") String token,
        Instant createdAt) {
}
