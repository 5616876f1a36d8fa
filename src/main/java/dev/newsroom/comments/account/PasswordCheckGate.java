package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Bounds how many bcrypt checks run at once. A check costs about 100 ms of CPU at cost 10, so a
 * flood of wrong passwords from many addresses would otherwise take every core from readers. A few
 * logins may wait for a check (at most {@value #MAX_WAITING}, each at most {@link #MAX_WAIT}), so
 * moderators signing in at the same moment are not refused; past that a login is answered 429 at
 * once, without hashing anything. A moderator's tools should use API tokens, which cost a hash
 * lookup, not a bcrypt round.
 */
@ApplicationScoped
class PasswordCheckGate {

    static final int MAX_WAITING = 16;
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final int bound;

    @Inject
    PasswordCheckGate(AccountConfig config) {
        this(config.passwordChecksAtOnce().orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
    }

    PasswordCheckGate(int bound) {
        if (bound < 1) {
            throw new IllegalStateException("comments.admin.password-checks-at-once must be at least 1");
        }
        this.bound = bound;
        this.permits = new Semaphore(bound);
    }

    /** Runs one password check once a permit is free, unless too many wait already or it takes too long (429). */
    boolean check(BooleanSupplier passwordMatches) {
        if (!permits.tryAcquire() && !awaitPermit()) {
            throw new PasswordChecksBusyException();
        }
        try {
            return passwordMatches.getAsBoolean();
        } finally {
            permits.release();
        }
    }

    private boolean awaitPermit() {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return permits.tryAcquire(MAX_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    int bound() {
        return bound;
    }

    /** More logins at once than the service checks; the client may retry in a second. */
    static class PasswordChecksBusyException extends ProblemException {
        PasswordChecksBusyException() {
            super(429, "Too many logins at once", "Too many logins are being checked right now; try again in a moment.",
                    null, Duration.ofSeconds(1));
        }
    }
}
