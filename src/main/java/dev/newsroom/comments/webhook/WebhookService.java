package dev.newsroom.comments.webhook;

import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.event.Event;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.KeysetPage;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Webhooks as administrators manage them (API.md §6). A secret is shown in the answer that creates it
 * and stored only sealed. Creation, deletion and rotation are audited as action {@code webhook}, with
 * {@code created}, {@code deleted} or {@code secret-rotated} as the reason and, as the note, the
 * webhook's id and its URL's scheme, host and port: never its path or query, which often hold a
 * token of the receiver's (Slack's and Discord's URLs do), and never a secret.
 */
@ApplicationScoped
class WebhookService {

    static final int MAX_DESCRIPTION = 500;
    /** How long a rotated secret keeps signing beside the new one (API.md §6). */
    static final Duration PREVIOUS_SECRET_VALIDITY = Duration.ofHours(24);
    /** How long the test endpoint waits for its event's id. */
    private static final Duration TEST_EVENT_WAIT = Duration.ofSeconds(5);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    static final String AUDIT_ACTION = "webhook";

    private final EntityManager entityManager;
    private final Deliveries deliveries;
    private final DestinationGuard guard;
    private final WebhookSecrets secrets;
    private final AuditTrail audit;
    private final EventLog events;
    private final WebhooksConfig config;
    private final Clock clock;

    WebhookService(EntityManager entityManager, Deliveries deliveries, DestinationGuard guard, WebhookSecrets secrets,
            AuditTrail audit, EventLog events, WebhooksConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.guard = guard;
        this.secrets = secrets;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers a webhook. The URL's name is resolved and checked first, outside any transaction;
     * every invalid field is reported at once.
     */
    WebhookWithSecret create(WebhookRequest request, String administrator) {
        List<Problem.Violation> violations = new ArrayList<>();
        Destination destination = null;
        try {
            destination = guard.check(request.url());
        } catch (Destination.Refused refused) {
            violations.add(new Problem.Violation("url", refused.getMessage()));
        }
        List<String> types = eventTypes(request.events(), violations);
        String description = description(request.description(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidFields(violations);
        }
        String origin = destination.origin();
        String id = UUID.randomUUID().toString();
        String secret = Signatures.newSecret();
        Instant now = now();
        Webhook webhook = QuarkusTransaction.requiringNew().call(() -> {
            // Registrations wait for each other here: each locks the webhooks there are, so one that
            // commits meanwhile is counted by the next (the count is a new statement, a new snapshot).
            entityManager.createQuery("select w.id from Webhook w", String.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            long registered = entityManager.createQuery("select count(w) from Webhook w", Long.class).getSingleResult();
            if (registered >= config.maxWebhooks()) {
                throw new WebhookProblems.TooMany(config.maxWebhooks());
            }
            Webhook created = new Webhook(id, request.url(), types, description, secrets.seal(secret, id), now,
                    administrator);
            entityManager.persist(created);
            audited(administrator, "created", created, origin, now);
            return created;
        });
        Log.infof("Webhook %s (%s) registered by %s", id, origin, administrator);
        return WebhookWithSecret.of(webhook, secret, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<WebhookView> list() {
        Instant now = now();
        return entityManager.createQuery("from Webhook w order by w.createdAt, w.id", Webhook.class).getResultStream()
                .map(webhook -> WebhookView.of(webhook, now)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    WebhookView find(String id) {
        return WebhookView.of(webhook(id), now());
    }

    /** Deletes it with its deliveries: an attempt in flight may still complete; nothing is attempted after. */
    @Transactional
    void delete(String id, String administrator) {
        Webhook webhook = webhook(id);
        entityManager.remove(webhook);
        audited(administrator, "deleted", webhook, originOf(webhook), now());
        Log.infof("Webhook %s deleted by %s", id, administrator);
    }

    /**
     * A new secret, shown in this answer only. The one it replaces keeps signing beside it for 24 hours
     * (deliveries carry both signatures), so receivers can switch without losing one; a secret it had
     * replaced before stops signing now.
     */
    @Transactional
    WebhookWithSecret rotate(String id, String administrator) {
        Webhook webhook = webhook(id);
        String secret = Signatures.newSecret();
        Instant now = now();
        webhook.rotate(secrets.seal(secret, id), now.plus(PREVIOUS_SECRET_VALIDITY));
        audited(administrator, "secret-rotated", webhook, originOf(webhook), now);
        Log.infof("Webhook %s: secret rotated by %s", id, administrator);
        return WebhookWithSecret.of(webhook, secret, now);
    }

    /** Appends a webhook.test event, which only this webhook receives; answers its id once it has one. */
    Optional<String> sendTest(String id, String administrator) {
        Event event = QuarkusTransaction.requiringNew().call(() -> {
            webhook(id);
            return events.other(EventTypes.WEBHOOK_TEST, null, administrator, Map.of("webhookId", id));
        });
        return events.awaitId(event, TEST_EVENT_WAIT);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    DeliveryPage deliveries(String id, Cursor before, int limit) {
        webhook(id);
        KeysetPage<WebhookDelivery> page = KeysetPage.of(
                deliveries.newestFirst(id, before == null ? null : before.numericId(), limit + 1), limit,
                delivery -> new Cursor(delivery.createdAt(), Long.toString(delivery.eventPosition())));
        return new DeliveryPage(page.items().stream().map(DeliveryView::of).toList(), page.nextCursor());
    }

    private Webhook webhook(String id) {
        Webhook webhook = id == null || id.length() > 36 ? null : entityManager.find(Webhook.class, id);
        if (webhook == null) {
            throw new WebhookProblems.NotFound();
        }
        return webhook;
    }

    /** The note is at most 1,000 characters (audit_entry.note); a host that resolves has at most 253. */
    private void audited(String administrator, String what, Webhook webhook, String origin, Instant now) {
        String note = webhook.id() + " " + origin;
        audit.append(new AuditEntry(now, administrator, AUDIT_ACTION, null, null, null, null, what,
                note.length() > 1000 ? note.substring(0, 1000) : note));
    }

    private String originOf(Webhook webhook) {
        try {
            return guard.parse(webhook.url()).origin();
        } catch (Destination.Refused refused) {
            return "(a URL no longer accepted)";
        }
    }

    /** ["*"], or known event types (each once, in the order given). */
    private static List<String> eventTypes(List<String> given, List<Problem.Violation> violations) {
        if (given == null || given.isEmpty()) {
            violations.add(new Problem.Violation("events", "must list event types, or be [\"*\"]"));
            return List.of();
        }
        if (given.stream().anyMatch(type -> type == null)) {
            violations.add(new Problem.Violation("events", "must not contain null"));
            return List.of();
        }
        if (given.contains(Webhook.ALL_EVENTS)) {
            if (given.stream().allMatch(Webhook.ALL_EVENTS::equals)) {
                return List.of(Webhook.ALL_EVENTS);
            }
            violations.add(new Problem.Violation("events", "must be [\"*\"] alone, or list event types"));
            return List.of();
        }
        if (!EventTypes.ALL.containsAll(given)) {
            violations.add(new Problem.Violation("events", "must list event types of API.md §6 (e.g. comment.submitted)"));
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private static String description(String given, List<Problem.Violation> violations) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String description = given.strip();
        if (description.length() > MAX_DESCRIPTION) {
            violations.add(new Problem.Violation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        } else if (CONTROL.matcher(description).find()) {
            violations.add(new Problem.Violation("description", "must not contain control characters"));
        }
        return description;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
