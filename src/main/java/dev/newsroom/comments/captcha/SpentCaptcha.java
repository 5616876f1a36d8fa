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

    /** A keyed hash of the submission that spent it, to recognise an identical retry. */
    @Column(name = "request_hash")
    String requestHash;

    /** The comment it created, if the answer was right. */
    @Column(name = "comment_id")
    String commentId;

    static SpentCaptcha of(CaptchaTokens.Ticket ticket, String requestHash, String commentId) {
        SpentCaptcha spent = new SpentCaptcha();
        spent.challengeId = ticket.challengeId();
        spent.expiresAt = ticket.expiresAt();
        spent.requestHash = requestHash;
        spent.commentId = commentId;
        return spent;
    }
}
