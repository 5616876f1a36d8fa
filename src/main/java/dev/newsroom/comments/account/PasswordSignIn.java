package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * The one password check of the service, for HTTP Basic and the console's sign-in form alike:
 * {@link LoginThrottle} first (a locked-out client is refused before any hashing), then bcrypt
 * through the {@link PasswordCheckGate} (the excess answered 429 at once), then the failure counted.
 * An unknown username costs the same bcrypt round as a known one, so timing does not tell which
 * usernames exist. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class PasswordSignIn {

    /** Who signed in, and the single role the account holds. */
    public record SignedIn(String username, String role) {
    }

    /** A bcrypt hash of a random password nobody knows, checked when the username does not exist. */
    private final String decoyHash;
    private final EntityManager entityManager;
    private final LoginThrottle throttle;
    private final PasswordCheckGate gate;
    private final DeviceCookies devices;

    PasswordSignIn(EntityManager entityManager, LoginThrottle throttle, PasswordCheckGate gate, DeviceCookies devices,
            AccountConfig config) {
        this.entityManager = entityManager;
        this.throttle = throttle;
        this.gate = gate;
        this.devices = devices;
        this.decoyHash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), config.bcryptCost());
    }

    /**
     * The account, when the password is right; empty when the username or password is wrong (the two
     * are not told apart). Throws a 429 {@link ProblemException} while the client is locked out or
     * too many checks run at once.
     *
     * @param address the client's address ({@code web.ClientAddress})
     * @param deviceCookie the value of the {@link DeviceCookies#NAME} cookie the client sent, or null
     */
    public Optional<SignedIn> check(String username, String password, String address, String deviceCookie) {
        String device = devices.deviceOf(deviceCookie, username).orElse(null);
        var lockedOut = throttle.lockedOut(username, address, device);
        if (lockedOut.isPresent()) {
            throw new TooManyFailedLoginsException(lockedOut.get());
        }
        // Usernames are [A-Za-z0-9._-]; anything else is unknown without asking the database.
        Account account = username.matches("[A-Za-z0-9._-]{1,64}")
                ? QuarkusTransaction.joiningExisting().call(() -> entityManager.find(Account.class, username))
                : null;
        String hash = account == null ? decoyHash : account.passwordHash;
        boolean matches = gate.check(() -> BcryptUtil.matches(password, hash));
        if (account == null || !matches) {
            throttle.recordFailure(username, address, device);
            return Optional.empty();
        }
        return Optional.of(new SignedIn(account.username, account.role));
    }

    /** The account's role now, or empty once the account is deleted (its sessions end with it). */
    public Optional<String> currentRole(String username) {
        return Optional.ofNullable(QuarkusTransaction.joiningExisting()
                .call(() -> entityManager.find(Account.class, username))).map(account -> account.role);
    }
}
