package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ClientAddress;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Checks a Basic username and password against the bcrypt hash of the account, read from the
 * active database on every request (a deleted account is locked out at once). A username or
 * address locked out by {@link LoginThrottle} is refused before its password is checked, and every
 * failure is counted. An unknown username costs the same bcrypt round as a known one, so timing
 * does not tell which usernames exist.
 */
@ApplicationScoped
class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** A bcrypt hash of a random password nobody knows, checked when the username does not exist. */
    private final String decoyHash;
    private final EntityManager entityManager;
    private final LoginThrottle throttle;
    private final PasswordCheckGate gate;

    AccountIdentityProvider(EntityManager entityManager, LoginThrottle throttle, PasswordCheckGate gate,
            AccountConfig config) {
        this.entityManager = entityManager;
        this.throttle = throttle;
        this.gate = gate;
        this.decoyHash = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString(), config.bcryptCost());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername();
            String address = ClientAddress.of(HttpSecurityUtils.getRoutingContextAttribute(request).request());
            var lockedOut = throttle.lockedOut(username, address);
            if (lockedOut.isPresent()) {
                throw new AuthenticationFailedException(new TooManyFailedLoginsException(lockedOut.get()));
            }
            String password = new String(request.getPassword().getPassword());
            // Usernames are [A-Za-z0-9._-]; anything else is unknown without asking the database.
            Account account = username.matches("[A-Za-z0-9._-]{1,64}")
                    ? QuarkusTransaction.joiningExisting().call(() -> entityManager.find(Account.class, username))
                    : null;
            String hash = account == null ? decoyHash : account.passwordHash;
            boolean matches;
            try {
                matches = gate.check(() -> BcryptUtil.matches(password, hash));
            } catch (PasswordCheckGate.PasswordChecksBusyException busy) {
                throw new AuthenticationFailedException(busy);
            }
            if (account == null || !matches) {
                throttle.recordFailure(username, address);
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addRole(account.role)
                    .build();
        });
    }
}
