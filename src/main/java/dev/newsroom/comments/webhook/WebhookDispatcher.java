package dev.newsroom.comments.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventRelay;
import dev.newsroom.comments.event.EventView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * This instance's deliverer. Every {@value #TICK_MILLIS} ms, and at once when this instance positioned
 * events or finished an attempt, it claims due deliveries (a conditional update that only one
 * instance can win, {@link Deliveries#claim}) and attempts each on a virtual thread: read what to send
 * in a short transaction, resolve and check the address, send (no transaction open), record the
 * outcome in another short transaction. The claim lasts {@link #LEASE}: if this instance dies
 * mid-attempt, another one attempts the delivery again after it lapses, with the same webhook-id.
 *
 * <p>At most {@code max-in-flight} attempts at once, and {@code max-in-flight-per-webhook} to one
 * webhook: a slow or dead endpoint ties up its own two and no more, and the claiming query skips the
 * webhooks already at their limit, so their backlog never hides the others' due deliveries.
 */
@ApplicationScoped
class WebhookDispatcher {

    static final long TICK_MILLIS = 500;
    /** Longer than an attempt can take: resolving (at most 5 s), then sending (at most 5 s). */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final long BACKLOG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Deliveries deliveries;
    private final EventLog events;
    private final EntityManager entityManager;
    private final WebhookSecrets secrets;
    private final DestinationGuard guard;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final int maxInFlight;
    private final int maxPerWebhook;
    /** Names this instance's claims; a restart is a new instance, whose old claims lapse. */
    private final String instance = UUID.randomUUID().toString();

    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopping;
    private long backlogReadAt = System.nanoTime() - BACKLOG_REFRESH_NANOS;
    /** Attempts in flight, in all and per webhook; guarded by this. */
    private int inFlight;
    private final Map<String, Integer> inFlightPerWebhook = new HashMap<>();
    private ScheduledExecutorService ticker;
    private ExecutorService attempts;

    WebhookDispatcher(Deliveries deliveries, EventLog events, EntityManager entityManager, WebhookSecrets secrets,
            DestinationGuard guard, WebhookSender sender, WebhookMetrics metrics, ObjectMapper json, Clock clock,
            WebhooksConfig config, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.events = events;
        this.entityManager = entityManager;
        this.secrets = secrets;
        this.guard = guard;
        this.sender = sender;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.schedule = RetrySchedule.of(config);
        this.maxInFlight = config.maxInFlight();
        this.maxPerWebhook = config.maxInFlightPerWebhook();
        if (maxInFlight < 1 || maxInFlight > 1000 || maxPerWebhook < 1 || maxPerWebhook > 100) {
            throw new IllegalStateException("comments.webhooks.max-in-flight must be 1–1000 and "
                    + "comments.webhooks.max-in-flight-per-webhook 1–100");
        }
        if (config.maxWebhooks() < 1 || config.maxWebhooks() > 1000) {
            throw new IllegalStateException("comments.webhooks.max-webhooks must be 1–1000");
        }
        registry.gauge("comments.webhooks.in.flight", this, WebhookDispatcher::inFlight);
    }

    void start(@Observes StartupEvent event) {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-dispatcher").daemon()
                .factory());
        attempts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-attempt-", 0).factory());
        ticker.scheduleWithFixedDelay(this::tickSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** SIGTERM: claim nothing more; the attempts in flight end within their timeout, during the shutdown delay. */
    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        attempts.shutdown();
        // What is still in flight records its outcome if it can; otherwise its claim lapses and another instance retries.
        if (!attempts.awaitTermination(WebhookSender.TIMEOUT_MILLIS + 1_000, TimeUnit.MILLISECONDS)) {
            attempts.shutdownNow();
        }
    }

    /** This instance positioned events (and inserted their deliveries): look for due ones now. */
    void positioned(@Observes EventRelay.EventsPositioned positioned) {
        wake();
    }

    private void wake() {
        if (ticker != null && !stopping && wanted.compareAndSet(false, true)) {
            try {
                ticker.execute(this::tickSafely);
            } catch (RejectedExecutionException shuttingDown) {
                wanted.set(false);
            }
        }
    }

    private void tickSafely() {
        wanted.set(false);
        try {
            tick();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again.
            Log.warnf("Claiming webhook deliveries failed (%s); retrying", e.getClass().getSimpleName());
        }
    }

    private void tick() {
        if (System.nanoTime() - backlogReadAt >= BACKLOG_REFRESH_NANOS) {
            metrics.pending(deliveries.pending());
            backlogReadAt = System.nanoTime();
        }
        while (!stopping) {
            int free = free();
            if (free == 0) {
                return;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<Deliveries.Due> due = deliveries.due(now, saturated(), Math.min(100, 2 * free + 4));
            int started = 0;
            for (Deliveries.Due delivery : due) {
                if (!reserve(delivery.webhookId())) {
                    continue;
                }
                boolean claimed;
                try {
                    claimed = deliveries.claim(delivery.id(), instance, now, now.plus(LEASE));
                } catch (RuntimeException e) {
                    release(delivery.webhookId());
                    throw e;
                }
                if (!claimed) {
                    release(delivery.webhookId()); // another instance was quicker
                    continue;
                }
                try {
                    attempts.execute(() -> attemptAndRelease(delivery));
                    started++;
                } catch (RejectedExecutionException shuttingDown) {
                    release(delivery.webhookId()); // the claim lapses; another instance takes it
                    return;
                }
            }
            if (started == 0) {
                return;
            }
        }
    }

    private void attemptAndRelease(Deliveries.Due delivery) {
        try {
            attempt(delivery.id());
        } catch (RuntimeException e) {
            // Left claimed: tried again once the claim lapses.
            Log.warnf("A webhook delivery attempt failed unexpectedly (%s); it is retried after %s",
                    e.getClass().getSimpleName(), LEASE);
        } finally {
            release(delivery.webhookId());
            wake();
        }
    }

    /** What one attempt sends, read in one short transaction. */
    private record Prepared(String webhookId, String url, long position, byte[] body, List<byte[]> keys) {
    }

    private void attempt(long deliveryId) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId, started));
        if (prepared.isEmpty()) {
            return;
        }
        Prepared what = prepared.get();
        if (what.body() == null) {
            recordFailure(deliveryId, what, null, "the event is no longer kept", started, true);
            return;
        }
        WebhookSender.Outcome outcome;
        try {
            Destination destination = guard.parse(what.url());
            InetAddress address = guard.addressOf(destination);
            outcome = sender.send(destination, address, Long.toString(what.position()), what.body(), what.keys());
        } catch (Destination.Refused refused) {
            outcome = WebhookSender.Outcome.failed("refused: url " + refused.getMessage());
        }
        if (outcome.delivered()) {
            deliveries.delivered(deliveryId, outcome.statusCode(), started, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            metrics.delivered();
        } else {
            recordFailure(deliveryId, what, outcome.statusCode(), outcome.error(), started, false);
        }
    }

    private Optional<Prepared> prepare(long deliveryId, Instant now) {
        Optional<WebhookDelivery> claimed = deliveries.claimed(deliveryId, instance);
        if (claimed.isEmpty()) {
            return Optional.empty(); // delivered, deleted with its webhook, or taken over meanwhile
        }
        Webhook webhook = entityManager.find(Webhook.class, claimed.get().webhookId());
        if (webhook == null) {
            return Optional.empty();
        }
        long position = claimed.get().eventPosition();
        Optional<EventView> event = events.view(position);
        byte[] body = null;
        if (event.isPresent()) {
            try {
                body = json.writeValueAsBytes(event.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An event does not serialise", e);
            }
        }
        return Optional.of(new Prepared(webhook.id(), webhook.url(), position, body, secrets.keysAt(webhook, now)));
    }

    private void recordFailure(long deliveryId, Prepared what, Integer statusCode, String error, Instant started,
            boolean eventGone) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean givenUp = eventGone
                ? deliveries.abandon(deliveryId, instance, error, started)
                : deliveries.attemptFailed(deliveryId, instance, statusCode, error, started, now, schedule);
        metrics.attemptFailed(givenUp);
        String origin = originOf(what.url());
        if (givenUp) {
            Log.warnf("Webhook %s (%s): event %d not delivered, given up (%s)", what.webhookId(), origin, what.position(),
                    error);
        } else {
            Log.debugf("Webhook %s (%s): event %d not delivered yet (%s)", what.webhookId(), origin, what.position(),
                    error);
        }
    }

    /** Never a URL's path or query in the log: they often carry a token. */
    private String originOf(String url) {
        try {
            return guard.parse(url).origin();
        } catch (Destination.Refused refused) {
            return "a URL no longer accepted";
        }
    }

    private synchronized int free() {
        return maxInFlight - inFlight;
    }

    private synchronized int inFlight() {
        return inFlight;
    }

    private synchronized Set<String> saturated() {
        return inFlightPerWebhook.entrySet().stream().filter(entry -> entry.getValue() >= maxPerWebhook)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    private synchronized boolean reserve(String webhookId) {
        if (inFlight >= maxInFlight || inFlightPerWebhook.getOrDefault(webhookId, 0) >= maxPerWebhook) {
            return false;
        }
        inFlight++;
        inFlightPerWebhook.merge(webhookId, 1, Integer::sum);
        return true;
    }

    private synchronized void release(String webhookId) {
        inFlight--;
        inFlightPerWebhook.computeIfPresent(webhookId, (id, count) -> count == 1 ? null : count - 1);
    }
}
