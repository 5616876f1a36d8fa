package dev.newsroom.comments.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptchaTokensTest {

    private static final Instant NOW = Instant.parse("2026-06-19T08:15:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);

    private final CaptchaTokens tokens = new CaptchaTokens("a-signing-secret-of-at-least-32-characters");

    @Test
    void anIssuedTokenOpensAndChecksItsAnswer() {
        String token = tokens.issue(42, NOW, TTL);

        CaptchaTokens.Ticket ticket = tokens.open(token).orElseThrow();

        assertEquals(NOW, ticket.issuedAt());
        assertEquals(NOW.plus(TTL), ticket.expiresAt());
        assertTrue(tokens.answerMatches(ticket, 42));
        for (int wrong = 0; wrong <= 100; wrong++) {
            assertEquals(wrong == 42, tokens.answerMatches(ticket, wrong));
        }
    }

    @Test
    void tokensForTheSameAnswerShareNothingThatRevealsIt() {
        Set<String> answerMacs = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            CaptchaTokens.Ticket ticket = tokens.open(tokens.issue(7, NOW, TTL)).orElseThrow();
            answerMacs.add(Base64.getEncoder().encodeToString(ticket.answerMac()));
        }
        assertEquals(100, answerMacs.size(), "the answer MAC depends on the random challenge id");
    }

    @Test
    void everyFlippedBitMakesTheTokenInvalid() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(5, NOW, TTL));
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] tampered = bytes.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertTrue(tokens.open(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)).isEmpty(),
                    "bit " + bit);
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsInvalid() {
        CaptchaTokens other = new CaptchaTokens("another-signing-secret-of-32-characters!");
        assertTrue(tokens.open(other.issue(5, NOW, TTL)).isEmpty());
    }

    @Test
    void malformedTokensAreInvalid() {
        for (String token : new String[] { "", "abc", "!!!!", "A".repeat(5000), tokens.issue(5, NOW, TTL) + "AA" }) {
            assertTrue(tokens.open(token).isEmpty(), token);
        }
        assertTrue(tokens.open(null).isEmpty());
    }

    @Test
    void aTokenLivesUntilItsExpiryAndNotBeforeItsIssue() {
        CaptchaTokens.Ticket ticket = tokens.open(tokens.issue(5, NOW, TTL)).orElseThrow();

        assertTrue(CaptchaTokens.isLive(ticket, NOW));
        assertTrue(CaptchaTokens.isLive(ticket, NOW.plus(TTL).minusSeconds(1)));
        assertFalse(CaptchaTokens.isLive(ticket, NOW.plus(TTL)));
        assertTrue(CaptchaTokens.isLive(ticket, NOW.minusSeconds(30)), "small clock skew between instances");
        assertFalse(CaptchaTokens.isLive(ticket, NOW.minusSeconds(31)), "issued in the future");
    }

    @Test
    void challengeIdsSortByIssueTimeSoSpentOnesShareTheRightMostLeaves() {
        String first = challengeId(tokens.issue(5, NOW, TTL));
        String aMillisecondLater = challengeId(tokens.issue(5, NOW.plusMillis(1), TTL));
        String aDayLater = challengeId(tokens.issue(5, NOW.plus(Duration.ofDays(1)), TTL));

        assertTrue(first.compareTo(aMillisecondLater) < 0, first + " before " + aMillisecondLater);
        assertTrue(aMillisecondLater.compareTo(aDayLater) < 0, aMillisecondLater + " before " + aDayLater);
        assertEquals(Long.toHexString(NOW.toEpochMilli()), first.substring(0, 12).replaceFirst("^0+", ""));
    }

    @Test
    void theTokenKeepsWholeSecondsAndTheAnswerPromisesTheTokensOwnExpiry() {
        Duration oddTtl = TTL.plusMillis(500);
        Instant now = NOW.plusMillis(700);

        CaptchaTokens.Ticket ticket = tokens.open(tokens.issue(5, now, oddTtl)).orElseThrow();

        assertEquals(NOW, ticket.issuedAt());
        assertEquals(NOW.plus(TTL), ticket.expiresAt(), "whole seconds from the issue's whole second");
        assertEquals(ticket.expiresAt(), CaptchaTokens.expiry(now, oddTtl), "what GET /captcha answers");
    }

    private String challengeId(String token) {
        return tokens.open(token).orElseThrow().challengeId();
    }
}
