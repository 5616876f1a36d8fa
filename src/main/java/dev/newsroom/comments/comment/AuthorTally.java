package dev.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.query.NativeQuery;

/**
 * Each author's comments per status, kept in {@code author} (V10__authors.sql) by every write that
 * adds, moves or removes a comment, in that write's transaction, like {@link StatusTally} for the
 * whole site. Reading an author's history then costs one row, not a count over their comments.
 *
 * <p>Only {@link CommentRepository} calls this. Comments without an email index (erased) count for
 * nobody. The row exists before the first comment is stored ({@link Authors#recordFor}).
 */
@ApplicationScoped
class AuthorTally {

    private final EntityManager entityManager;

    AuthorTally(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A new comment: its status's count grows, and the author was seen at {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void added(String emailIndex, CommentStatus status, Instant at) {
        if (emailIndex == null) {
            return;
        }
        String column = column(status);
        update("update author set " + column + " = " + column + " + 1,"
                + " first_seen = coalesce(first_seen, ?1),"
                + " last_seen = case when last_seen is null or last_seen < ?1 then ?1 else last_seen end"
                + " where email_index = ?2")
                .setParameter(1, at).setParameter(2, emailIndex).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void add(String emailIndex, CommentStatus status, long comments) {
        if (emailIndex == null || comments == 0) {
            return;
        }
        String column = column(status);
        update("update author set " + column + " = " + column + " + ?1 where email_index = ?2")
                .setParameter(1, comments).setParameter(2, emailIndex).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void move(String emailIndex, CommentStatus from, CommentStatus to) {
        if (emailIndex == null || from == to) {
            return;
        }
        update("update author set " + column(from) + " = " + column(from) + " - 1, "
                + column(to) + " = " + column(to) + " + 1 where email_index = ?1")
                .setParameter(1, emailIndex).executeUpdate();
    }

    /**
     * A batch's changes, author by author in email-index order, so batches over the same authors
     * take their rows in one order (after the status tally's, like every other write).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void addAll(Map<String, Map<CommentStatus, Long>> changes) {
        new TreeMap<>(changes).forEach((emailIndex, byStatus) -> {
            StringBuilder set = new StringBuilder();
            new EnumMap<>(byStatus).forEach((status, delta) -> {
                if (delta != 0) {
                    set.append(set.isEmpty() ? "" : ", ").append(column(status)).append(" = ").append(column(status))
                            .append(delta < 0 ? " - " : " + ").append(Math.abs(delta));
                }
            });
            if (!set.isEmpty()) {
                update("update author set " + set + " where email_index = ?1")
                        .setParameter(1, emailIndex).executeUpdate();
            }
        });
    }

    /**
     * An import's batch: each author's new comments per status, and the first and last time among
     * them (which may be older than the ones already counted), in email-index order like
     * {@link #addAll}, in one round trip to the database.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void importedAll(Map<String, Map<CommentStatus, Long>> counts, Map<String, Instant[]> firstAndLast) {
        if (counts.isEmpty()) {
            return;
        }
        entityManager.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement("update author set"
                    + " pending = pending + ?, approved = approved + ?, rejected = rejected + ?, spam = spam + ?,"
                    + " first_seen = case when first_seen is null or first_seen > ? then ? else first_seen end,"
                    + " last_seen = case when last_seen is null or last_seen < ? then ? else last_seen end"
                    + " where email_index = ?")) {
                for (var author : new TreeMap<>(counts).entrySet()) {
                    Map<CommentStatus, Long> byStatus = author.getValue();
                    int column = 1;
                    for (CommentStatus status : CommentStatus.values()) { // the order of the statement's columns
                        update.setLong(column++, byStatus.getOrDefault(status, 0L));
                    }
                    Instant[] seen = firstAndLast.get(author.getKey());
                    var first = java.time.OffsetDateTime.ofInstant(seen[0], java.time.ZoneOffset.UTC);
                    var last = java.time.OffsetDateTime.ofInstant(seen[1], java.time.ZoneOffset.UTC);
                    update.setObject(5, first);
                    update.setObject(6, first);
                    update.setObject(7, last);
                    update.setObject(8, last);
                    update.setString(9, author.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /**
     * A statement on the author table. Its query space tells Hibernate which entities it touches, so
     * before it Hibernate flushes pending changes to authors only, not the whole session (the
     * counts change in SQL; no code changes them on an entity).
     */
    private Query update(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace("author");
    }

    /** The column of a status: the status's wire name, from the enum, never from input. */
    private static String column(CommentStatus status) {
        return status.wireName();
    }
}
