package dev.newsroom.comments.migration;

import java.util.Locale;
import java.util.Optional;

/** The files POST /admin/imports reads: WordPress's WXR, Disqus's XML export, and this service's own JSON Lines. */
enum ImportFormat {
    WXR, DISQUS, JSONL;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportFormat> fromWireName(String value) {
        for (ImportFormat format : values()) {
            if (format.wireName().equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
