package dev.newsroom.comments.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code comments.submission.*}: limits of what a reader may post. */
@ConfigMapping(prefix = "comments.submission")
interface SubmissionConfig {

    /** Longest accepted body, in characters (Unicode code points). The database column holds up to 10,000. */
    @WithDefault("5000")
    @Min(1)
    @Max(10000)
    int maxBodyLength();
}
