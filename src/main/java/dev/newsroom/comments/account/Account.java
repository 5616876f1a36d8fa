package dev.newsroom.comments.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A moderator or administrator who signs in with HTTP Basic ({@link AccountIdentityProvider}) or
 * with an API token. The password is stored only as a bcrypt hash in Modular Crypt Format
 * ({@code $2a$…}), and {@code role} is the single role the account holds.
 */
@Entity
@Table(name = "moderator_account")
public class Account {

    @Id
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String role;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** A new account whose password is stored as a bcrypt hash of the given cost, never as itself. */
    static Account withPassword(String username, String password, String role, int bcryptCost, Instant createdAt) {
        Account account = new Account();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password, bcryptCost);
        account.role = role;
        account.createdAt = createdAt;
        return account;
    }

    @Override
    public String toString() {
        return "Account[" + username + ", " + role + "]";
    }
}
