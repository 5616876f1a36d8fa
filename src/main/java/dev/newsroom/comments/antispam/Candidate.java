package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.AuthorRecord;
import java.time.Instant;

/**
 * A submission whose fields and captcha have passed, as the intake rules see it. The indexes are
 * keyed fingerprints of the email and the client address (see {@code BlindIndex}); {@code author}
 * is the author's standing and record before this comment.
 */
public record Candidate(String articleId, String name, String email, String website, String body, String honeypot,
        Instant captchaIssuedAt, Instant receivedAt, String emailIndex, String clientIndex, AuthorRecord author) {
}
