package dev.newsroom.comments.antispam;

import java.time.Instant;

/**
 * A submission whose fields and captcha have passed, as the intake rules see it. The indexes are
 * keyed fingerprints of the email and the client address (see {@code BlindIndex}).
 */
public record Candidate(String articleId, String name, String email, String website, String body, String honeypot,
        Instant captchaIssuedAt, Instant receivedAt, String emailIndex, String clientIndex) {
}
