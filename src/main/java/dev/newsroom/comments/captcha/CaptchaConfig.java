package dev.newsroom.comments.captcha;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code comments.captcha.*}: how long a challenge lives and the key its tokens are signed with. */
@ConfigMapping(prefix = "comments.captcha")
interface CaptchaConfig {

    /** How long an issued challenge can be answered (ISO-8601, env {@code COMMENTS_CAPTCHA_TTL}). */
    @WithDefault("PT10M")
    Duration ttl();

    /**
     * Signing secret (at least 32 characters). When absent, one is generated on first start and
     * kept in the database, so restarts and other instances keep accepting open forms.
     */
    Optional<String> secret();
}
