package dev.newsroom.comments.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed for the news site (API.md §6): what a CDN purge or a static build needs. */
record PublishedChanges(List<Change> changes,
        @Schema(description = "The last change's id, to pass as after=; of an empty page the after given, or null",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String lastId) {

    /** One change of what readers see; commentId is null when a whole article's page changed (an erasure). */
    record Change(String id, String articleId,
            @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) String commentId,
            @Schema(enumeration = { "published", "updated", "unpublished" }) String change) {
    }
}
