package dev.newsroom.comments.migration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Imports and exports (API.md §8): {@code comments.import.*}. */
@ConfigMapping(prefix = "comments.import")
public interface ImportConfig {

    /** The largest export file accepted as the body of POST /admin/imports (COMMENTS_IMPORT_MAX_SIZE). */
    @WithDefault("1G")
    MemorySize maxSize();

    /** Comments per transaction: each batch commits on its own, so progress survives a later failure (1–5000). */
    @WithDefault("500")
    int batchSize();

    /** Errors kept per import; more are counted, not listed (1–100000). */
    @WithDefault("1000")
    int maxErrors();

    /** Where uploads are spooled before they are read; the JVM's temporary directory by default. */
    Optional<Path> spoolDirectory();

    /**
     * A running import that has committed nothing for this long is reported as failed (its instance
     * went away); importing the file again then adds what is missing.
     */
    @WithDefault("PT10M")
    Duration staleAfter();
}
