package dev.newsroom.comments.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code comments.submission.*}: limits of what a reader may post. */
@ConfigMapping(prefix = "comments.submission")
interface SubmissionConfig {

    /** Longest accepted body, in characters (Unicode code points), 1 to 10,000: the database column holds 10,000. */
    @WithDefault("5000")
    int maxBodyLength();
}
