package dev.newsroom.comments.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Moderator and administrator accounts. Authentication reads the account on every request, so
 * a deleted account (and its API tokens, deleted with it) is locked out at once.
 */
@ApplicationScoped
class AccountService {

    private final EntityManager entityManager;
    private final AccountConfig config;
    private final Clock clock;

    AccountService(EntityManager entityManager, AccountConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    AccountView create(@Valid NewAccount request) {
        if (entityManager.find(Account.class, request.username()) != null) {
            throw new AccountProblems.UsernameTaken();
        }
        Account account = Account.withPassword(request.username(), request.password(), request.role(),
                config.bcryptCost(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        entityManager.persist(account);
        entityManager.flush();
        return AccountView.of(account);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<AccountView> list() {
        return entityManager.createQuery("from Account order by username", Account.class).getResultStream()
                .map(AccountView::of).toList();
    }

    /** Deletes an account; the last administrator cannot be deleted, so the service stays manageable. */
    @Transactional
    void delete(String username) {
        // Lock every admin row first: two administrators deleting each other at once must not both succeed.
        List<Account> admins = entityManager.createQuery("from Account where role = :admin", Account.class)
                .setParameter("admin", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Account account = entityManager.find(Account.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new AccountProblems.AccountNotFound();
        }
        if (Role.ADMIN.equals(account.role) && admins.size() <= 1) {
            throw new AccountProblems.LastAdministrator();
        }
        entityManager.remove(account);
    }
}
