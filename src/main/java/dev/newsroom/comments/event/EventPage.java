package dev.newsroom.comments.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the event log, oldest first. */
record EventPage(List<EventView> events,
        @Schema(description = "The last event's id, to pass as after=; of an empty page the after given, or null",
                nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String lastId) {
}
