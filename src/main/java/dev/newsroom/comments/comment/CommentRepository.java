package dev.newsroom.comments.comment;

import dev.newsroom.comments.web.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Queries over comments. Lists use keyset pagination on ({@code created_at}, {@code id}), served by
 * the indexes of V1__create_schema.sql, so a page costs the same on the first and the last page.
 * Plain JPA rather than Panache: the entities belong to two persistence units (H2 and PostgreSQL,
 * one active at runtime), which Panache does not support.
 */
@ApplicationScoped
public class CommentRepository {

    private final EntityManager entityManager;
    private final StatusTally tally;

    CommentRepository(EntityManager entityManager, StatusTally tally) {
        this.entityManager = entityManager;
        this.tally = tally;
    }

    public Optional<Comment> findByIdOptional(String id) {
        return Comment.isWellFormedId(id) ? Optional.ofNullable(entityManager.find(Comment.class, id)) : Optional.empty();
    }

    public void persist(Comment comment) {
        entityManager.persist(comment);
        tally.add(comment.status(), 1);
    }

    public void flush() {
        entityManager.flush();
    }

    public void delete(Comment comment) {
        entityManager.remove(comment);
        tally.add(comment.status(), -1);
    }

    /** A moderator's decision: the only way a stored comment changes status besides {@link #erasePersonalData}. */
    public void decide(Comment comment, CommentStatus to, String moderator, Instant now, String reason, String note) {
        CommentStatus from = comment.status();
        comment.decide(to, moderator, now, reason, note);
        tally.move(from, to);
    }

    /** An erasure request; a pending comment is rejected (see {@link Comment#erasePersonalData}). */
    public void erasePersonalData(Comment comment, String administrator, Instant now) {
        CommentStatus from = comment.status();
        comment.erasePersonalData(administrator, now);
        tally.move(from, comment.status());
    }

    /** Newest or oldest first, for reader lists. */
    public enum Order {
        OLDEST, NEWEST
    }

    /** One more item than asked for is fetched, so the caller knows whether a next page exists. */
    /** Readers' pages: the approved comments of an article, or only its featured ones. */
    public List<Comment> findApprovedByArticle(String articleId, boolean featuredOnly, Order order, Cursor after,
            int limit) {
        return findByStatus(CommentStatus.APPROVED, articleId, featuredOnly, order, after, limit);
    }

    /** The moderation queue: one status, optionally one article, oldest first. */
    public List<Comment> findQueue(CommentStatus status, String articleId, Cursor after, int limit) {
        return findByStatus(status, articleId, false, Order.OLDEST, after, limit);
    }

    private List<Comment> findByStatus(CommentStatus status, String articleId, boolean featuredOnly, Order order,
            Cursor after, int limit) {
        String comparison = order == Order.OLDEST ? ">" : "<";
        String direction = order == Order.OLDEST ? "asc" : "desc";
        StringBuilder query = new StringBuilder("from Comment c where c.status = :status");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", status);
        if (articleId != null) {
            query.append(" and c.articleId = :articleId");
            parameters.put("articleId", articleId);
        }
        if (featuredOnly) {
            query.append(" and c.featured = true");
        }
        if (after != null) {
            // The first condition is implied by the second; it is there so the index scan can start
            // at the cursor instead of filtering every row before it (H2 cannot use the OR alone).
            query.append(" and c.createdAt ").append(comparison).append("= :afterTime and (c.createdAt ").append(comparison)
                    .append(" :afterTime or c.id ").append(comparison).append(" :afterId)");
            parameters.put("afterTime", after.createdAt());
            parameters.put("afterId", after.id());
        }
        // The constant columns lead the order too: then H2 reads the index in order and stops after
        // limit + 1 rows, instead of reading every match and sorting (PostgreSQL does both either way).
        query.append(" order by ");
        if (articleId != null) {
            query.append("c.articleId ").append(direction).append(", ");
        }
        query.append("c.status ").append(direction).append(", c.createdAt ").append(direction).append(", c.id ")
                .append(direction);
        TypedQuery<Comment> typed = entityManager.createQuery(query.toString(), Comment.class);
        parameters.forEach(typed::setParameter);
        return typed.setMaxResults(limit + 1).getResultList();
    }

    public long countApprovedByArticle(String articleId, boolean featuredOnly) {
        return entityManager.createQuery("select count(c) from Comment c where c.articleId = :articleId"
                + " and c.status = :status" + (featuredOnly ? " and c.featured = true" : ""), Long.class)
                .setParameter("articleId", articleId).setParameter("status", CommentStatus.APPROVED)
                .getSingleResult();
    }

    /** Approved counts for the given articles; articles without approved comments are absent. */
    public Map<String, Long> countApprovedByArticles(Collection<String> articleIds) {
        return entityManager
                .createQuery("select c.articleId, count(c) from Comment c where c.status = :status"
                        + " and c.articleId in :articleIds group by c.articleId", Object[].class)
                .setParameter("status", CommentStatus.APPROVED)
                .setParameter("articleIds", articleIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    /** Comments per status, from {@link StatusTally}: no count over the comment table. */
    public Map<CommentStatus, Long> countByStatus() {
        return tally.counts();
    }

    public Optional<Comment> findApprovedInArticle(String id, String articleId) {
        if (!Comment.isWellFormedId(id)) {
            return Optional.empty();
        }
        return entityManager.createQuery("from Comment c where c.id = :id and c.articleId = :articleId"
                + " and c.status = :status", Comment.class)
                .setParameter("id", id).setParameter("articleId", articleId).setParameter("status", CommentStatus.APPROVED)
                .getResultStream().findFirst();
    }

    /** When the latest comment from this author or this client was received after {@code since}. */
    public Optional<Instant> latestFrom(String emailIndex, String clientIndex, Instant since) {
        // Two queries, one per index: with "email = ? or client = ?" H2 reads the whole table.
        return Stream.of(latestWhere("emailIndex", emailIndex, since), latestWhere("clientIndex", clientIndex, since))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private Optional<Instant> latestWhere(String fingerprint, String value, Instant since) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entityManager.createQuery("select max(c.createdAt) from Comment c where c."
                + fingerprint + " = :value and c.createdAt > :since", Instant.class)
                .setParameter("value", value).setParameter("since", since).getSingleResult());
    }

    /** Whether this author posted this text (as fingerprinted) on this article after {@code since}. */
    public boolean hasSameText(String articleId, String emailIndex, String bodyFingerprint, Instant since) {
        return !entityManager.createQuery("select c.id from Comment c where c.articleId = :articleId"
                + " and c.emailIndex = :email and c.bodyFingerprint = :fingerprint and c.createdAt > :since", String.class)
                .setParameter("articleId", articleId).setParameter("email", emailIndex)
                .setParameter("fingerprint", bodyFingerprint).setParameter("since", since)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** How many of this author's comments are approved, and how many were judged spam. */
    public AuthorRecord authorRecord(String emailIndex) {
        Map<CommentStatus, Long> counts = entityManager.createQuery("select c.status, count(c) from Comment c"
                + " where c.emailIndex = :email and c.status in :statuses group by c.status", Object[].class)
                .setParameter("email", emailIndex)
                .setParameter("statuses", List.of(CommentStatus.APPROVED, CommentStatus.SPAM))
                .getResultStream()
                .collect(Collectors.toMap(row -> (CommentStatus) row[0], row -> (Long) row[1]));
        return new AuthorRecord(counts.getOrDefault(CommentStatus.APPROVED, 0L), counts.getOrDefault(CommentStatus.SPAM, 0L));
    }

    public record AuthorRecord(long approved, long spam) {
    }

    /** Every comment stored with the email of this blind index, oldest first. */
    public List<Comment> findByEmailIndex(String emailIndex) {
        return entityManager.createQuery("from Comment c where c.emailIndex = :email order by c.createdAt, c.id",
                Comment.class).setParameter("email", emailIndex).getResultList();
    }

    /** Retention: spam and rejected comments last changed before {@code cutoff} go; pending ones never do. */
    public long deleteRejectedAndSpamBefore(Instant cutoff) {
        long deleted = 0;
        for (CommentStatus status : List.of(CommentStatus.REJECTED, CommentStatus.SPAM)) {
            int gone = entityManager.createQuery("delete from Comment c where c.status = :status and c.updatedAt < :cutoff")
                    .setParameter("status", status).setParameter("cutoff", cutoff).executeUpdate();
            tally.add(status, -gone);
            deleted += gone;
        }
        return deleted;
    }

    /** Retention: client-address fingerprints older than {@code cutoff} are forgotten. */
    public int forgetClientsBefore(Instant cutoff) {
        return entityManager.createQuery("update Comment c set c.clientIndex = null where c.clientIndex is not null"
                + " and c.createdAt < :cutoff").setParameter("cutoff", cutoff).executeUpdate();
    }

    /** Loads a comment for a decision, holding its row lock so decisions on it apply one at a time. */
    public Optional<Comment> findForUpdate(String id) {
        return Comment.isWellFormedId(id)
                ? Optional.ofNullable(entityManager.find(Comment.class, id, LockModeType.PESSIMISTIC_WRITE))
                : Optional.empty();
    }
}
