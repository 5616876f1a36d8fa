package dev.newsroom.comments.migration;

import dev.newsroom.comments.web.OwnBodyLimit;
import jakarta.enterprise.context.ApplicationScoped;

/** POST /admin/imports takes files up to comments.import.max-size, past the 64 KiB of other requests. */
@ApplicationScoped
class ImportBodyLimit implements OwnBodyLimit {

    private final long maxBytes;

    ImportBodyLimit(ImportConfig config) {
        this.maxBytes = config.maxSize().asLongValue();
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return ImportResource.PATH;
    }

    @Override
    public long maxBodyBytes() {
        return maxBytes;
    }
}
