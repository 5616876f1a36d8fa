package dev.newsroom.comments.antispam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** {@code comments.rate-limit.*}: requests per client address and minute (token buckets, bursts allowed). */
@ConfigMapping(prefix = "comments.rate-limit")
public interface RateLimitConfig {

    /** {@code COMMENTS_RATE_LIMIT_ENABLED=false} turns both limits off (for load tests). */
    @WithDefault("true")
    boolean enabled();

    /** Comment submissions per client and minute; a client may use them all at once. */
    @WithDefault("5")
    @Min(1)
    int submissionsPerMinute();

    /** Captchas issued per client and minute. */
    @WithDefault("30")
    @Min(1)
    int captchasPerMinute();
}
