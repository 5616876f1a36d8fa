package dev.newsroom.comments.captcha;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fresh challenge for an article page's form. */
public record CaptchaChallenge(
        @Schema(description = "Opaque, single-use; send it back as captchaToken") String token,
        @Schema(description = "A OP B =, e.g. \"5 × one =\"", examples = "5 × one =") String question,
        @Schema(description = "After this instant the token is refused") Instant expiresAt) {
}
