package dev.newsroom.comments.comment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code comments.submission.*}: limits of what a reader may post, which a moderator's edit keeps to
 * as well (so it lives beside {@link CommentBody}, whose validator reads it).
 */
@ConfigMapping(prefix = "comments.submission")
public interface SubmissionConfig {

    /** Longest accepted body, in characters (Unicode code points), 1 to 10,000: the database column holds 10,000. */
    @WithDefault("5000")
    int maxBodyLength();
}
