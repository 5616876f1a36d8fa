package dev.newsroom.comments.account;

import dev.newsroom.comments.config.SettingBounds;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Makes sure a fresh installation can be administered: when no account exists, it creates the
 * admin from configuration, or with a random password that is printed this one time only.
 *
 * <p>Hashing that password with bcrypt takes a tenth of a second of CPU, so it runs on another core
 * while the other startup observers do their work: the first observer starts it, the last one stores
 * the admin. The service still starts only once the admin exists, or fails to start as before.
 */
@ApplicationScoped
class FirstStartAdmin {

    private static final int RECOMMENDED_PASSWORD_LENGTH = 12;

    private final AccountConfig config;
    private final EntityManager entityManager;
    private final Clock clock;
    /** The admin being hashed between the two observers; null when there is none to create. */
    private PendingAdmin pending;

    /** An admin whose password hash is being computed, and that password, for the log lines. */
    private record PendingAdmin(CompletableFuture<Account> account, String password, boolean generated) {
    }

    FirstStartAdmin(AccountConfig config, EntityManager entityManager, Clock clock) {
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The first startup observer: checks the account settings (before any hash is made with them),
     * then, if an admin is needed, hashes its password on another thread.
     */
    void startHashing(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        SettingBounds.require("comments.admin.bcrypt-cost", config.bcryptCost(), 4, 16);
        SettingBounds.atLeast("comments.admin.max-failed-logins", config.maxFailedLogins(), 1);
        Optional<String> configured = config.password().filter(p -> !p.isBlank());
        if (!noAccountYet()) {
            if (configured.isPresent()) {
                Log.info("comments.admin.password applies on the first start only; the existing accounts are kept");
            }
            return;
        }
        String password = configured.orElseGet(FirstStartAdmin::randomPassword);
        Instant createdAt = clock.instant();
        pending = new PendingAdmin(CompletableFuture.supplyAsync(
                () -> Account.withPassword(config.username(), password, Role.ADMIN, config.bcryptCost(), createdAt)),
                password, configured.isEmpty());
    }

    /** The last startup observer: stores the admin once its hash is ready. */
    void create(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (pending == null) {
            return;
        }
        PendingAdmin admin = pending;
        pending = null; // the password is not kept once the admin is stored
        try {
            Account hashed = hashed(admin);
            QuarkusTransaction.requiringNew().run(() -> entityManager.persist(hashed));
        } catch (RuntimeException anotherInstanceWasFaster) {
            if (noAccountYet()) {
                throw anotherInstanceWasFaster;
            }
            Log.info("The first administrator was created by another instance");
            return;
        }
        if (admin.generated()) {
            // Deliberately the one place a password is printed: without it nobody could sign in.
            Log.warnf("Created administrator '%s' with the generated password %s (shown once; set "
                    + "COMMENTS_ADMIN_PASSWORD to choose it)", config.username(), admin.password());
        } else {
            Log.infof("Created administrator '%s' from comments.admin.password", config.username());
            if (admin.password().length() < RECOMMENDED_PASSWORD_LENGTH) {
                Log.warnf("comments.admin.password is shorter than %d characters", RECOMMENDED_PASSWORD_LENGTH);
            }
        }
    }

    private boolean noAccountYet() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(a) from Account a", Long.class).getSingleResult() == 0);
    }

    /** The hashed admin, or what went wrong while hashing it (not wrapped in a CompletionException). */
    private static Account hashed(PendingAdmin admin) {
        try {
            return admin.account().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18]; // 144 bits, 24 characters
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
