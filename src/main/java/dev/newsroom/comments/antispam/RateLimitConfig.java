package dev.newsroom.comments.antispam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code comments.rate-limit.*}: requests per client address and minute (token buckets, bursts allowed). */
@ConfigMapping(prefix = "comments.rate-limit")
public interface RateLimitConfig {

    /** {@code COMMENTS_RATE_LIMIT_ENABLED=false} turns both limits off (for load tests). */
    @WithDefault("true")
    boolean enabled();

    /** Comment submissions per client and minute, at least 1; a client may use them all at once. */
    @WithDefault("5")
    int submissionsPerMinute();

    /** Reader reports per client and minute, at least 1 (API.md §5: rate-limited like posts). */
    @WithDefault("10")
    int reportsPerMinute();

    /** Captchas issued per client and minute; at least 1. */
    @WithDefault("30")
    int captchasPerMinute();
}
