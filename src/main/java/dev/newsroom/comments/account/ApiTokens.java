package dev.newsroom.comments.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists, revokes and verifies moderators' API tokens. */
@ApplicationScoped
class ApiTokens {

    /** Recognisable in logs and secret scanners, like {@code ghp_} for GitHub tokens. */
    static final String PREFIX = "cmt_";
    private static final int TOKEN_BYTES = 32;

    private final EntityManager entityManager;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    NewApiToken create(String username, String name) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken();
        stored.id = UUID.randomUUID().toString();
        stored.tokenHash = hash(token);
        stored.name = name;
        stored.username = username;
        stored.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entityManager.persist(stored);
        return new NewApiToken(stored.id, stored.name, token, stored.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<ApiTokenView> listOf(String username) {
        return entityManager.createQuery("from ApiToken where username = :username order by createdAt", ApiToken.class)
                .setParameter("username", username).getResultStream()
                .map(token -> new ApiTokenView(token.id, token.name, token.createdAt)).toList();
    }

    /** Revokes one of the caller's own tokens; answers false if there is no such token of theirs. */
    @Transactional
    boolean revoke(String username, String id) {
        return entityManager.createQuery("delete from ApiToken where id = :id and username = :username")
                .setParameter("id", id).setParameter("username", username).executeUpdate() == 1;
    }

    /**
     * The account a token belongs to, if the token is one of ours and has not been revoked. A
     * transaction of its own, so its connection goes back to the pool before the request's own
     * transaction takes one: holding both would deadlock the pool once more requests than
     * connections are in flight.
     */
    @Transactional
    Optional<Account> owner(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return entityManager.createQuery("select a from ApiToken t, Account a where t.tokenHash = :hash"
                + " and a.username = t.username", Account.class)
                .setParameter("hash", hash(token)).getResultStream().findFirst();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
