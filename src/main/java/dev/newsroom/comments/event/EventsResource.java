package dev.newsroom.comments.event;

import dev.newsroom.comments.account.Role;
import dev.newsroom.comments.web.OpenApiDefinition;
import dev.newsroom.comments.web.PageLimit;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/moderation/events")
@RolesAllowed({ Role.MODERATOR, Role.ADMIN })
@SecurityRequirement(name = OpenApiDefinition.BASIC)
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Tag(name = "Events")
@APIResponse(responseCode = "400", description = "Invalid after, Last-Event-ID, type or limit",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid credentials (with WWW-Authenticate)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The account's role is not allowed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
class EventsResource {

    private final EventLog log;
    private final EventStreams streams;

    EventsResource(EventLog log, EventStreams streams) {
        this.log = log;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The event log, oldest first",
            description = "Events after the given id, in commit order: paging with lastId never misses an event, "
                    + "even one whose transaction committed late. Kept for COMMENTS_EVENTS_RETENTION (30 days).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventPage.class)))
    public EventPage list(@Parameter(description = "An event id; absent: from the oldest kept") @RestQuery String after,
            @Parameter(description = "1–200, default 50") @RestQuery String limit,
            @Parameter(description = "One event type, e.g. comment.submitted") @RestQuery String type) {
        Long from = PositionParameter.parseOrNull("after", after);
        List<EventView> events = log.after(from == null ? 0 : from, parseType(type), PageLimit.parse(limit)).stream()
                .map(EventView::of).toList();
        String lastId = events.isEmpty() ? (from == null ? null : Long.toString(from)) : events.getLast().id();
        return new EventPage(events, lastId);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The event log as a live stream (Server-Sent Events)",
            description = "Ask with Accept: text/event-stream. Each event: id: its id, event: its type, data: its JSON. "
                    + "Resumes after Last-Event-ID (or after=); with neither it starts with the next new event. A "
                    + "comment line at least every 15 s keeps it open; new events arrive within 2 s, whichever "
                    + "instance made them. A client that reads too slowly falls behind and catches up from the log; "
                    + "the stream ends when the service stops (reconnect with Last-Event-ID).")
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public Multi<OutboundSseEvent> stream(@RestHeader("Last-Event-ID") String lastEventId,
            @Parameter(description = "An event id to resume after (Last-Event-ID wins)") @RestQuery String after,
            @Parameter(description = "One event type") @RestQuery String type, @Context Sse sse) {
        Long from = PositionParameter.parseOrNull("Last-Event-ID", lastEventId);
        if (from == null) {
            from = PositionParameter.parseOrNull("after", after);
        }
        return streams.open(from, parseType(type), sse);
    }

    private static String parseType(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        if (!EventTypes.ALL.contains(type)) {
            throw ProblemException.invalidField("type", "must be one of the event types of API.md §6");
        }
        return type;
    }
}
