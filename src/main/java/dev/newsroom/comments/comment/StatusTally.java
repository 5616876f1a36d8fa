package dev.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.query.NativeQuery;

/**
 * How many comments are in each status, kept in {@code status_tally} (V6__status_tally.sql) by
 * every write that adds, removes or moves a comment, in that write's transaction. Reading it costs
 * 64 rows however many comments there are; counting the comment table would read all of them.
 *
 * <p>Only {@link CommentRepository} calls this: it is where comments are stored, deleted and moved.
 */
@ApplicationScoped
class StatusTally {

    private static final int SLOTS = 16;

    private final EntityManager entityManager;

    StatusTally(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void add(CommentStatus status, long comments) {
        if (comments == 0) {
            return;
        }
        // A random slot of the status: concurrent writers seldom wait for the same row lock. The query
        // space tells Hibernate the statement touches no entity, so it does not flush the session first
        // (a post's insert then goes with the post's other writes: one flush instead of three).
        entityManager.createNativeQuery("update status_tally set comments = comments + ?1 where status = ?2 and slot = ?3")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("status_tally")
                .setParameter(1, comments).setParameter(2, status.wireName())
                .setParameter(3, ThreadLocalRandom.current().nextInt(SLOTS))
                .executeUpdate();
    }

    /**
     * Every transaction takes tally rows in one order (status, then slot), so two moves never wait
     * for each other's second row: a deadlock needs two transactions taking rows in opposite orders.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void move(CommentStatus from, CommentStatus to) {
        if (from != to) {
            Map<CommentStatus, Long> changes = new EnumMap<>(CommentStatus.class);
            changes.put(from, -1L);
            changes.put(to, 1L);
            addAll(changes);
        }
    }

    /** Several statuses' changes at once (a batch), in the order of {@link #move}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void addAll(Map<CommentStatus, Long> changes) {
        // EnumMap iterates in declaration order: the one order every transaction uses.
        new EnumMap<>(changes).forEach(this::add);
    }

    Map<CommentStatus, Long> counts() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object row : entityManager.createNativeQuery("select status, sum(comments) from status_tally group by status")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            CommentStatus.fromWireName((String) columns[0])
                    .ifPresent(status -> counts.put(status, ((Number) columns[1]).longValue()));
        }
        return counts;
    }
}
