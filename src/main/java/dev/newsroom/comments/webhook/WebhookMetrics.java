package dev.newsroom.comments.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries in {@code /q/metrics}: {@code comments_webhooks_delivered_total} (a 2xx),
 * {@code comments_webhooks_failed_attempts_total} (each attempt that did not deliver, retried or not),
 * {@code comments_webhooks_failed_total} (deliveries given up after 24 h) and the retry backlog
 * {@code comments_webhooks_pending}: deliveries still pending on all instances, read every 5 s.
 */
@ApplicationScoped
class WebhookMetrics {

    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter failed;
    private final AtomicLong pending = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        delivered = Counter.builder("comments.webhooks.delivered")
                .description("Webhook deliveries answered with a 2xx status").register(registry);
        failedAttempts = Counter.builder("comments.webhooks.failed.attempts")
                .description("Webhook delivery attempts that did not deliver (retried later or given up)")
                .register(registry);
        failed = Counter.builder("comments.webhooks.failed")
                .description("Webhook deliveries given up after their last attempt").register(registry);
        registry.gauge("comments.webhooks.pending", pending, AtomicLong::get);
    }

    void delivered() {
        delivered.increment();
    }

    void attemptFailed(boolean givenUp) {
        failedAttempts.increment();
        if (givenUp) {
            failed.increment();
        }
    }

    void pending(long count) {
        pending.set(count);
    }
}
