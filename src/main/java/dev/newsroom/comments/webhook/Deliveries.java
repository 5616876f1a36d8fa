package dev.newsroom.comments.webhook;

import dev.newsroom.comments.event.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code webhook_delivery} table. Every change of a delivery after its insertion is a conditional
 * update, so instances racing for one row cannot both win: a claim succeeds only on a pending, due,
 * unclaimed (or lapsed) row; an outcome is recorded only while the row is still pending.
 */
@ApplicationScoped
class Deliveries {

    private final EntityManager entityManager;

    Deliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A due delivery, before it is claimed. */
    record Due(long id, String webhookId) {
    }

    /**
     * One pending delivery per event positioned in ({@code after}, {@code upTo}] and webhook that wants
     * it: every event for {@code *}, the listed types otherwise; a {@code webhook.test} event goes only
     * to the webhook its data names (EventLog writes it as {@code {"webhookId":"…"}}). One statement,
     * in the transaction that positioned the events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int fanOut(long after, long upTo, Instant now) {
        return entityManager.createNativeQuery("insert into webhook_delivery (webhook_id, event_position, event_type,"
                + " status, attempts, next_attempt_at, created_at)"
                + " select w.id, e.position, e.type, 'pending', 0, cast(?3 as timestamp with time zone),"
                + " cast(?3 as timestamp with time zone)"
                + " from event e join webhook w on"
                + " (e.type = ?4 and e.data = ?5 || w.id || ?6)"
                + " or (e.type <> ?4 and (w.events = ?7 or position(',' || e.type || ',' in ',' || w.events || ',') > 0))"
                + " where e.position > ?1 and e.position <= ?2")
                .setParameter(1, after).setParameter(2, upTo).setParameter(3, now)
                .setParameter(4, EventTypes.WEBHOOK_TEST).setParameter(5, "{\"webhookId\":\"").setParameter(6, "\"}")
                .setParameter(7, Webhook.ALL_EVENTS)
                .executeUpdate();
    }

    /** Up to {@code limit} deliveries due at {@code now} and not claimed, soonest due first, skipping some webhooks. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Due> due(Instant now, Set<String> skipped, int limit) {
        var query = entityManager.createQuery("select d.id, d.webhookId from WebhookDelivery d where d.status = :pending"
                + " and d.nextAttemptAt <= :now and (d.claimedUntil is null or d.claimedUntil < :now)"
                + (skipped.isEmpty() ? "" : " and d.webhookId not in :skipped")
                + " order by d.nextAttemptAt, d.id", Object[].class)
                .setParameter("pending", WebhookDelivery.PENDING).setParameter("now", now);
        if (!skipped.isEmpty()) {
            query.setParameter("skipped", skipped);
        }
        List<Due> due = new ArrayList<>();
        for (Object[] row : query.setMaxResults(limit).getResultList()) {
            due.add(new Due((Long) row[0], (String) row[1]));
        }
        return due;
    }

    /** Claims a due delivery for {@code instance} until {@code until}; true when this call won it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean claim(long id, String instance, Instant now, Instant until) {
        return entityManager.createQuery("update WebhookDelivery d set d.claimedBy = :instance, d.claimedUntil = :until"
                + " where d.id = :id and d.status = :pending and d.nextAttemptAt <= :now"
                + " and (d.claimedUntil is null or d.claimedUntil < :now)")
                .setParameter("instance", instance).setParameter("until", until).setParameter("id", id)
                .setParameter("pending", WebhookDelivery.PENDING).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** The delivery if it is still pending and claimed by {@code instance}. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<WebhookDelivery> claimed(long id, String instance) {
        WebhookDelivery delivery = entityManager.find(WebhookDelivery.class, id);
        return Optional.ofNullable(delivery)
                .filter(d -> WebhookDelivery.PENDING.equals(d.status()) && instance.equals(d.claimedBy()));
    }

    /** A 2xx: delivered, whoever holds the claim now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void delivered(long id, int statusCode, Instant started, Instant now) {
        entityManager.createQuery("update WebhookDelivery d set d.status = :delivered, d.attempts = d.attempts + 1,"
                + " d.lastStatusCode = :code, d.lastError = null, d.deliveredAt = :now, d.nextAttemptAt = null,"
                + " d.firstAttemptAt = coalesce(d.firstAttemptAt, :started), d.claimedBy = null, d.claimedUntil = null"
                + " where d.id = :id and d.status = :pending")
                .setParameter("delivered", WebhookDelivery.DELIVERED).setParameter("code", statusCode)
                .setParameter("now", now).setParameter("started", started).setParameter("id", id)
                .setParameter("pending", WebhookDelivery.PENDING)
                .executeUpdate();
    }

    /**
     * A failed attempt made by {@code instance}: scheduled again, or failed for good once the schedule
     * says so. Answers true when the delivery failed for good; nothing changes if the claim lapsed
     * and another instance took the delivery over meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean attemptFailed(long id, String instance, Integer statusCode, String error, Instant started, Instant now,
            RetrySchedule schedule) {
        Optional<WebhookDelivery> claimed = claimed(id, instance);
        if (claimed.isEmpty()) {
            return false;
        }
        int attempts = claimed.get().attempts() + 1;
        Instant first = claimed.get().firstAttemptAt() == null ? started : claimed.get().firstAttemptAt();
        Optional<Instant> next = schedule.next(attempts, first, now);
        int updated = entityManager.createQuery("update WebhookDelivery d set d.status = :status, d.attempts = :attempts,"
                + " d.lastStatusCode = :code, d.lastError = :error, d.firstAttemptAt = :first, d.nextAttemptAt = :next,"
                + " d.claimedBy = null, d.claimedUntil = null"
                + " where d.id = :id and d.status = :pending and d.claimedBy = :instance")
                .setParameter("status", next.isPresent() ? WebhookDelivery.PENDING : WebhookDelivery.FAILED)
                .setParameter("attempts", attempts).setParameter("code", statusCode).setParameter("error", error)
                .setParameter("first", first).setParameter("next", next.orElse(null)).setParameter("id", id)
                .setParameter("pending", WebhookDelivery.PENDING).setParameter("instance", instance)
                .executeUpdate();
        return updated == 1 && next.isEmpty();
    }

    /** An attempt that can never succeed (its event is no longer kept): failed for good at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean abandon(long id, String instance, String error, Instant started) {
        return entityManager.createQuery("update WebhookDelivery d set d.status = :failed, d.attempts = d.attempts + 1,"
                + " d.lastStatusCode = null, d.lastError = :error, d.nextAttemptAt = null,"
                + " d.firstAttemptAt = coalesce(d.firstAttemptAt, :started), d.claimedBy = null, d.claimedUntil = null"
                + " where d.id = :id and d.status = :pending and d.claimedBy = :instance")
                .setParameter("failed", WebhookDelivery.FAILED).setParameter("error", error)
                .setParameter("started", started).setParameter("id", id).setParameter("pending", WebhookDelivery.PENDING)
                .setParameter("instance", instance)
                .executeUpdate() == 1;
    }

    /** A webhook's deliveries, newest event first, before the event {@code beforePosition} if given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<WebhookDelivery> newestFirst(String webhookId, Long beforePosition, int limit) {
        var query = entityManager.createQuery("from WebhookDelivery d where d.webhookId = :webhookId"
                + (beforePosition == null ? "" : " and d.eventPosition < :before")
                + " order by d.webhookId desc, d.eventPosition desc", WebhookDelivery.class)
                .setParameter("webhookId", webhookId);
        if (beforePosition != null) {
            query.setParameter("before", beforePosition);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Deliveries still pending on every instance: the retry backlog. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long pending() {
        return entityManager.createQuery("select count(d) from WebhookDelivery d where d.status = :pending", Long.class)
                .setParameter("pending", WebhookDelivery.PENDING).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    int forgetCreatedBefore(Instant cutoff) {
        return entityManager.createQuery("delete from WebhookDelivery d where d.createdAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
