package dev.newsroom.comments.antispam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code comments.antispam.*}: the intake rules' settings. */
@ConfigMapping(prefix = "comments.antispam")
public interface AntispamConfig {

    /** Least time between two comments of one author or one client; {@code 0S} turns the rule off. */
    @WithDefault("PT15S")
    Duration floodInterval();

    /** How long the same author posting the same text on the same article is refused as a duplicate (409). */
    @WithDefault("PT24H")
    Duration duplicateWindow();

    /** Links (the website field included) from which a comment is held, at least 1; WordPress's default is 2. */
    @WithDefault("2")
    int maxLinks();

    /** A comment sent sooner than this after its captcha was issued is held as {@code too-fast}. */
    @WithDefault("PT3S")
    Duration minSubmitTime();

    /** Words that hold a comment for a moderator ({@code held-word:<word>}). */
    Optional<List<String>> heldWords();

    /** Words that file a comment as spam ({@code blocked-word:<word>}). */
    Optional<List<String>> blockedWords();
}
