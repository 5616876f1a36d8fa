package dev.newsroom.comments.secret;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Secrets generated once and kept with the data (in the database), so that a restart, or a
 * second instance on the same database, uses the same key. Deployments that want to manage
 * their keys themselves configure them instead and never reach this class.
 */
@ApplicationScoped
public class GeneratedSecrets {

    private static final int SECRET_BYTES = 32;

    private final EntityManager entityManager;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GeneratedSecrets(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The secret stored under {@code name}, created (256 random bits, base64url) on first use. */
    public String obtain(String name) {
        String existing = QuarkusTransaction.requiringNew().call(() -> find(name));
        if (existing != null) {
            return existing;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ServiceSecret secret = new ServiceSecret();
                secret.name = name;
                secret.value = newSecret();
                secret.createdAt = clock.instant();
                entityManager.persist(secret);
            });
        } catch (RuntimeException raceWithAnotherInstance) {
            // Most likely another instance stored it first, and its value is the one everybody uses.
            String stored = QuarkusTransaction.requiringNew().call(() -> find(name));
            if (stored == null) {
                throw raceWithAnotherInstance;
            }
            return stored;
        }
        return QuarkusTransaction.requiringNew().call(() -> find(name));
    }

    private String find(String name) {
        ServiceSecret secret = entityManager.find(ServiceSecret.class, name);
        return secret == null ? null : secret.value;
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
