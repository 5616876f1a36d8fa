package dev.newsroom.comments.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code comments.admin.*}: the first administrator, password hashing and login throttling. */
@ConfigMapping(prefix = "comments.admin")
interface AccountConfig {

    /** Username of the administrator created when no account exists yet. */
    @WithDefault("admin")
    String username();

    /** Its password (env {@code COMMENTS_ADMIN_PASSWORD}); when absent one is generated and printed once. */
    Optional<String> password();

    /** bcrypt cost factor of newly hashed passwords: 2^cost rounds, 4 to 16. 10 is the OWASP minimum. */
    @WithDefault("10")
    int bcryptCost();

    /**
     * Failed logins of one username from one client within {@link #lockout()} that lock that client out of it
     * (an address, whatever the username, gets five times more; untrusted clients together ten times more);
     * at least 1. See {@link LoginThrottle}.
     */
    @WithDefault("10")
    int maxFailedLogins();

    /**
     * bcrypt checks (Basic logins) run at once; more are answered 429 without hashing. Default: half
     * the cores, at least 1, so a flood of wrong passwords leaves the other half to readers.
     */
    Optional<Integer> passwordChecksAtOnce();

    /** How long a lockout lasts, and the window failures are counted in (ISO-8601). */
    @WithDefault("PT15M")
    Duration lockout();
}
