package dev.newsroom.comments.antispam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code comments.moderation.*}: which comments may skip the moderation queue. */
@ConfigMapping(prefix = "comments.moderation")
public interface PolicyConfig {

    /** The highest {@link #reportsToHold()}: beyond it the rule would never fire on a real story. */
    int MAX_REPORTS_TO_HOLD = 1000;

    enum Policy {
        /** Every comment waits for a moderator. */
        HOLD_ALL,
        /**
         * A returning author (same email, at least {@link #trustAfter()} approved comments, none marked
         * spam) is published at once unless another rule holds the comment. Emails are not verified:
         * anyone who knows a regular's address can post as them, so use it only where that is acceptable.
         */
        TRUST_RETURNING
    }

    /**
     * {@code hold-all} or {@code trust-returning}: the default of the site setting {@code moderationPolicy},
     * which administrators can change over the API (the surge switch).
     */
    @WithDefault("hold-all")
    Policy policy();

    /** Approved comments that make an author trusted under {@code trust-returning}; at least 1. */
    @WithDefault("2")
    int trustAfter();

    /**
     * Distinct readers' open reports that unpublish a comment (API.md §5); 0: never, at most 1,000.
     * The default of the site setting {@code reportsToHold}, which administrators can change over the API.
     */
    @WithDefault("3")
    int reportsToHold();
}
