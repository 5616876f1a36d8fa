package dev.newsroom.comments.captcha;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A redeemed challenge. Its primary key is what makes a token single-use on every instance
 * that shares the database; rows are purged once the token would have expired anyway.
 */
@Entity
@Table(name = "spent_captcha")
class SpentCaptcha {

    @Id
    @Column(name = "challenge_id")
    String challengeId;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    static SpentCaptcha of(CaptchaTokens.Ticket ticket) {
        SpentCaptcha spent = new SpentCaptcha();
        spent.challengeId = ticket.challengeId();
        spent.expiresAt = ticket.expiresAt();
        return spent;
    }
}
