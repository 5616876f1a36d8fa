package dev.newsroom.comments.comment;

import dev.newsroom.comments.web.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries over comments. Lists use keyset pagination on ({@code created_at}, {@code id}), served by
 * the indexes of V1__create_schema.sql, so a page costs the same on the first and the last page.
 */
@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<Comment, String> {

    /** Newest or oldest first, for reader lists. */
    public enum Order {
        OLDEST, NEWEST
    }

    /** One more item than asked for is fetched, so the caller knows whether a next page exists. */
    public List<Comment> findApprovedByArticle(String articleId, Order order, Cursor after, int limit) {
        return findByStatus(CommentStatus.APPROVED, articleId, order, after, limit);
    }

    /** The moderation queue: one status, optionally one article, oldest first. */
    public List<Comment> findQueue(CommentStatus status, String articleId, Cursor after, int limit) {
        return findByStatus(status, articleId, Order.OLDEST, after, limit);
    }

    private List<Comment> findByStatus(CommentStatus status, String articleId, Order order, Cursor after, int limit) {
        String comparison = order == Order.OLDEST ? ">" : "<";
        String direction = order == Order.OLDEST ? "asc" : "desc";
        StringBuilder query = new StringBuilder("status = :status");
        Parameters parameters = Parameters.with("status", status);
        if (articleId != null) {
            query.append(" and articleId = :articleId");
            parameters.and("articleId", articleId);
        }
        if (after != null) {
            query.append(" and (createdAt ").append(comparison).append(" :afterTime or (createdAt = :afterTime and id ")
                    .append(comparison).append(" :afterId))");
            parameters.and("afterTime", after.createdAt()).and("afterId", after.id());
        }
        query.append(" order by createdAt ").append(direction).append(", id ").append(direction);
        return find(query.toString(), parameters).page(0, limit + 1).list();
    }

    public long countApprovedByArticle(String articleId) {
        return count("articleId = ?1 and status = ?2", articleId, CommentStatus.APPROVED);
    }

    /** Approved counts for the given articles; articles without approved comments are absent. */
    public Map<String, Long> countApprovedByArticles(Collection<String> articleIds) {
        return getEntityManager()
                .createQuery("select c.articleId, count(c) from Comment c where c.status = :status"
                        + " and c.articleId in :articleIds group by c.articleId", Object[].class)
                .setParameter("status", CommentStatus.APPROVED)
                .setParameter("articleIds", articleIds)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    public Map<CommentStatus, Long> countByStatus() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager()
                .createQuery("select c.status, count(c) from Comment c group by c.status", Object[].class)
                .getResultStream()
                .forEach(row -> counts.put((CommentStatus) row[0], (Long) row[1]));
        return counts;
    }

    public Optional<Comment> findApprovedInArticle(String id, String articleId) {
        return find("id = ?1 and articleId = ?2 and status = ?3", id, articleId, CommentStatus.APPROVED)
                .firstResultOptional();
    }

    /** When the latest comment from this author or this client was received after {@code since}. */
    public Optional<Instant> latestFrom(String emailIndex, String clientIndex, Instant since) {
        return Optional.ofNullable(getEntityManager().createQuery("select max(c.createdAt) from Comment c"
                + " where (c.emailIndex = :email or c.clientIndex = :client) and c.createdAt > :since", Instant.class)
                .setParameter("email", emailIndex).setParameter("client", clientIndex).setParameter("since", since)
                .getSingleResult());
    }

    /** Whether this author posted this text (as fingerprinted) on this article after {@code since}. */
    public boolean hasSameText(String articleId, String emailIndex, String bodyFingerprint, Instant since) {
        return count("articleId = ?1 and emailIndex = ?2 and bodyFingerprint = ?3 and createdAt > ?4", articleId,
                emailIndex, bodyFingerprint, since) > 0;
    }

    /** How many of this author's comments are approved, and how many were judged spam. */
    public AuthorRecord authorRecord(String emailIndex) {
        long approved = count("emailIndex = ?1 and status = ?2", emailIndex, CommentStatus.APPROVED);
        long spam = count("emailIndex = ?1 and status = ?2", emailIndex, CommentStatus.SPAM);
        return new AuthorRecord(approved, spam);
    }

    public record AuthorRecord(long approved, long spam) {
    }

    /** Every comment stored with the email of this blind index, oldest first. */
    public List<Comment> findByEmailIndex(String emailIndex) {
        return list("emailIndex = ?1 order by createdAt, id", emailIndex);
    }

    /** Retention: spam and rejected comments last changed before {@code cutoff} go; pending ones never do. */
    public long deleteRejectedAndSpamBefore(Instant cutoff) {
        return delete("status in ?1 and updatedAt < ?2", List.of(CommentStatus.REJECTED, CommentStatus.SPAM), cutoff);
    }

    /** Retention: client-address fingerprints older than {@code cutoff} are forgotten. */
    public int forgetClientsBefore(Instant cutoff) {
        return update("clientIndex = null where clientIndex is not null and createdAt < ?1", cutoff);
    }

    /** Loads a comment for a decision, holding its row lock so decisions on it apply one at a time. */
    public Optional<Comment> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
