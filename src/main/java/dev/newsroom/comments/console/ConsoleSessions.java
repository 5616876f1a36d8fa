package dev.newsroom.comments.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Console sessions in the database. The cookie carries 256 random bits; the table keeps their
 * SHA-256. Each session has a CSRF token derived from its cookie token (an HMAC keyed with it), which
 * the console page receives and sends back in {@value #CSRF_HEADER} on every change: a page of
 * another site can make the browser send the cookie (were it not {@code SameSite=Strict}), never
 * read the token.
 */
@ApplicationScoped
class ConsoleSessions {

    static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * Sent by the console with what it asks on its own (counts, items the event stream announced): such
     * requests do not keep an idle session alive, or a console left open would never time out.
     */
    static final String BACKGROUND_HEADER = "X-Console-Background";
    /** A session's last use is written at most this often, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    /** A session in force: who, and the token its state-changing requests must carry. */
    record Active(String username, String csrfToken) {
    }

    /** A session just opened: the cookie's token (shown this once) and the session. */
    record Opened(String token, Active session) {
    }

    private final EntityManager entityManager;
    private final ConsoleConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConsoleSessions(EntityManager entityManager, ConsoleConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    Opened open(String username) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Sessions nobody ended (the browser was closed) go when anyone signs in.
        entityManager.createQuery("delete from ConsoleSession where lastSeenAt <= :idle or createdAt <= :old")
                .setParameter("idle", now.minus(config.idleTimeout())).setParameter("old", now.minus(config.maxAge()))
                .executeUpdate();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = BASE64.encodeToString(secret);
        ConsoleSession session = new ConsoleSession();
        session.tokenHash = hash(token);
        session.username = username;
        session.createdAt = now;
        session.lastSeenAt = now;
        entityManager.persist(session);
        return new Opened(token, new Active(username, csrfTokenOf(token)));
    }

    /** The session of this cookie token, if it is still in force; its use keeps it alive. */
    Optional<Active> find(String token) {
        return find(token, true);
    }

    /** The session of this cookie token, if it is still in force; {@code touch}: the use keeps it alive. */
    @Transactional
    Optional<Active> find(String token, boolean touch) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        ConsoleSession session = entityManager.find(ConsoleSession.class, hash(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (session.expiredAt(now, config.idleTimeout(), config.maxAge())) {
            entityManager.remove(session);
            return Optional.empty();
        }
        if (touch && !now.isBefore(session.lastSeenAt.plus(TOUCH_EVERY))) {
            session.lastSeenAt = now;
        }
        return Optional.of(new Active(session.username, csrfTokenOf(token)));
    }

    /** Ends the session of this cookie token (sign-out); nothing happens for an unknown one. */
    @Transactional
    void close(String token) {
        if (token != null) {
            entityManager.createQuery("delete from ConsoleSession where tokenHash = :hash")
                    .setParameter("hash", hash(token)).executeUpdate();
        }
    }

    /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
    static boolean csrfMatches(Active session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String csrfTokenOf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal("console-csrf".getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
