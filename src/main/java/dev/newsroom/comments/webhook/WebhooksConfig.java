package dev.newsroom.comments.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * {@code comments.webhooks.*} (API.md §6). The defaults are the safe ones: https only, and no
 * address of a private network, the service's own host or the cloud's metadata service.
 * {@link WebhookDispatcher} refuses a bad value at startup.
 */
@ConfigMapping(prefix = "comments.webhooks")
interface WebhooksConfig {

    /** {@code COMMENTS_WEBHOOKS_ALLOW_HTTP=true} also accepts http URLs (tests, a receiver on a trusted network). */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * {@code COMMENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true} also delivers to loopback, private, link-local,
     * multicast and unspecified addresses: only where every address the service can reach is meant for it.
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** Webhooks an administrator may register, in all (1–1000). */
    @WithDefault("50")
    int maxWebhooks();

    /** Attempts one instance makes at once, to all webhooks together (1–1000). */
    @WithDefault("32")
    int maxInFlight();

    /** Attempts one instance makes at once to one webhook (1–100), so a slow one holds no more than this. */
    @WithDefault("2")
    int maxInFlightPerWebhook();

    /**
     * Waits after the first, second, … failed attempt; the last one repeats. Each at least 100 ms.
     * Tests shorten them; API.md §6 promises about 5 s, 30 s, 2 min, 10 min, 1 h, 6 h.
     */
    @WithDefault("PT5S,PT30S,PT2M,PT10M,PT1H,PT6H")
    List<Duration> retryDelays();

    /** How long after its first attempt a delivery is still retried; then it is failed (at least 1 s). */
    @WithDefault("PT24H")
    Duration giveUpAfter();
}
