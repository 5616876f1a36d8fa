package dev.newsroom.comments.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The event log's settings (API.md §6). */
@ConfigMapping(prefix = "comments.events")
public interface EventsConfig {

    /** How long events (and webhook deliveries) are kept (COMMENTS_EVENTS_RETENTION). */
    @WithDefault("P30D")
    Duration retention();

    /** How often an idle event stream sends a comment line, so proxies keep it open (at most 15 s). */
    @WithDefault("PT15S")
    Duration heartbeat();
}
