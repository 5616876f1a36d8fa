package dev.newsroom.comments.account;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Makes sure a fresh installation can be administered: when no account exists, it creates the
 * admin from configuration, or with a random password that is printed this one time only.
 */
@ApplicationScoped
class FirstStartAdmin {

    private static final int RECOMMENDED_PASSWORD_LENGTH = 12;

    private final AccountConfig config;
    private final EntityManager entityManager;
    private final Clock clock;

    FirstStartAdmin(AccountConfig config, EntityManager entityManager, Clock clock) {
        this.config = config;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!noAccountYet()) {
            if (config.password().filter(p -> !p.isBlank()).isPresent()) {
                Log.info("comments.admin.password applies on the first start only; the existing accounts are kept");
            }
            return;
        }
        String password = config.password().filter(p -> !p.isBlank()).orElseGet(FirstStartAdmin::randomPassword);
        try {
            Account admin = Account.withPassword(config.username(), password, Role.ADMIN, config.bcryptCost(),
                    clock.instant());
            QuarkusTransaction.requiringNew().run(() -> entityManager.persist(admin));
        } catch (RuntimeException anotherInstanceWasFaster) {
            if (noAccountYet()) {
                throw anotherInstanceWasFaster;
            }
            Log.info("The first administrator was created by another instance");
            return;
        }
        if (config.password().filter(p -> !p.isBlank()).isEmpty()) {
            // Deliberately the one place a password is printed: without it nobody could sign in.
            Log.warnf("Created administrator '%s' with the generated password %s (shown once; set "
                    + "COMMENTS_ADMIN_PASSWORD to choose it)", config.username(), password);
        } else {
            Log.infof("Created administrator '%s' from comments.admin.password", config.username());
            if (password.length() < RECOMMENDED_PASSWORD_LENGTH) {
                Log.warnf("comments.admin.password is shorter than %d characters", RECOMMENDED_PASSWORD_LENGTH);
            }
        }
    }

    private boolean noAccountYet() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(a) from Account a", Long.class).getSingleResult() == 0);
    }


    private static String randomPassword() {
        byte[] bytes = new byte[18]; // 144 bits, 24 characters
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
