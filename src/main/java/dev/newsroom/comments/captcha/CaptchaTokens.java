package dev.newsroom.comments.captcha;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-verifying captcha tokens, so no database row is needed until a token is redeemed.
 *
 * <p>Layout (fixed width, big-endian): version (1 byte) ‖ challenge id (16 bytes: the issue time in
 * Unix milliseconds (6), then 10 random bytes) ‖
 * issued-at (8, epoch seconds) ‖ expires-at (8) ‖ answer MAC (16) ‖ tag (32). The answer MAC is
 * HMAC-SHA256 under a key of its own over the challenge id and the answer; the tag is
 * HMAC-SHA256 over everything before it. The token therefore reveals nothing about the answer,
 * and without the secret neither a forged token nor an offline test of the 101 possible answers
 * is possible. Both keys are derived from one configured or generated secret.
 */
final class CaptchaTokens {

    /** A token whose signature and lifetime checked out. */
    record Ticket(String challengeId, Instant issuedAt, Instant expiresAt, byte[] answerMac) {
    }

    private static final byte VERSION = 1;
    private static final int ID_BYTES = 16;
    private static final int ANSWER_MAC_BYTES = 16;
    private static final int TAG_BYTES = 32;
    private static final int PAYLOAD_BYTES = 1 + ID_BYTES + 8 + 8 + ANSWER_MAC_BYTES;
    private static final int TOKEN_BYTES = PAYLOAD_BYTES + TAG_BYTES;
    /** Longest string that can possibly be a token; anything longer is refused before decoding. */
    static final int MAX_TOKEN_LENGTH = (TOKEN_BYTES * 4 + 2) / 3;
    /** Clocks of instances sharing a database may differ this much. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final byte[] tokenKey;
    private final byte[] answerKey;
    private final SecureRandom random = new SecureRandom();

    CaptchaTokens(String secret) {
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        this.tokenKey = hmac(master, "captcha-token-v1".getBytes(StandardCharsets.US_ASCII));
        this.answerKey = hmac(master, "captcha-answer-v1".getBytes(StandardCharsets.US_ASCII));
    }

    /** A token for a challenge issued {@code now}; it keeps whole seconds, the challenge id milliseconds. */
    String issue(int answer, Instant now, Duration ttl) {
        byte[] id = challengeId(now);
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES)
                .put(VERSION)
                .put(id)
                .putLong(now.getEpochSecond())
                .putLong(expiry(now, ttl).getEpochSecond())
                .put(answerMac(id, answer));
        token.put(hmac(tokenKey, Arrays.copyOf(token.array(), PAYLOAD_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** When a challenge issued {@code now} expires, as its token says: whole seconds, from the issue's whole second. */
    static Instant expiry(Instant now, Duration ttl) {
        return Instant.ofEpochSecond(now.truncatedTo(ChronoUnit.SECONDS).plus(ttl).getEpochSecond());
    }

    /**
     * The spent-captcha table is keyed by this id, so it starts with the time: the challenges
     * redeemed together were mostly issued together, and their rows then share the B-tree's
     * right-most leaves instead of each dirtying a random one. 80 random bits keep it unique.
     */
    private byte[] challengeId(Instant now) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        long millis = now.toEpochMilli();
        for (int i = 0; i < 6; i++) {
            id[i] = (byte) (millis >>> (8 * (5 - i)));
        }
        return id;
    }

    /** The ticket inside an authentic token, or empty if it was not issued with this key or is malformed. */
    Optional<Ticket> open(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, TOKEN_BYTES);
        if (!MessageDigest.isEqual(tag, hmac(tokenKey, payload))) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload, 1, PAYLOAD_BYTES - 1);
        byte[] id = new byte[ID_BYTES];
        fields.get(id);
        Instant issuedAt = Instant.ofEpochSecond(fields.getLong());
        Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
        byte[] answerMac = new byte[ANSWER_MAC_BYTES];
        fields.get(answerMac);
        return Optional.of(new Ticket(HexFormat.of().formatHex(id), issuedAt, expiresAt, answerMac));
    }

    static boolean isLive(Ticket ticket, Instant now) {
        return now.isBefore(ticket.expiresAt()) && !ticket.issuedAt().isAfter(now.plus(CLOCK_SKEW));
    }

    boolean answerMatches(Ticket ticket, int answer) {
        return MessageDigest.isEqual(ticket.answerMac(),
                answerMac(HexFormat.of().parseHex(ticket.challengeId()), answer));
    }

    private byte[] answerMac(byte[] challengeId, int answer) {
        byte[] input = ByteBuffer.allocate(ID_BYTES + 4).put(challengeId).putInt(answer).array();
        return Arrays.copyOf(hmac(answerKey, input), ANSWER_MAC_BYTES);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
