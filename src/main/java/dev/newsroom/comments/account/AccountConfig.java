package dev.newsroom.comments.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** {@code comments.admin.*}: the account created on first start, and the cost of password hashes. */
@ConfigMapping(prefix = "comments.admin")
interface AccountConfig {

    /** Username of the administrator created when no account exists yet. */
    @WithDefault("admin")
    String username();

    /** Its password (env {@code COMMENTS_ADMIN_PASSWORD}); when absent one is generated and printed once. */
    Optional<String> password();

    /** bcrypt cost factor of newly hashed passwords: 2^cost rounds. 10 is the OWASP minimum. */
    @WithDefault("10")
    @Min(4)
    @Max(16)
    int bcryptCost();
}
