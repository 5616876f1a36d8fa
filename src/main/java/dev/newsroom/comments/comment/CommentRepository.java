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
    private final AuthorTally authorTally;

    CommentRepository(EntityManager entityManager, StatusTally tally, AuthorTally authorTally) {
        this.entityManager = entityManager;
        this.tally = tally;
        this.authorTally = authorTally;
    }

    public Optional<Comment> findByIdOptional(String id) {
        return Comment.isWellFormedId(id) ? Optional.ofNullable(entityManager.find(Comment.class, id)) : Optional.empty();
    }

    /** The comments of these ids that exist, by id. */
    public Map<String, Comment> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("from Comment c where c.id in :ids", Comment.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Comment::id, comment -> comment));
    }

    public void persist(Comment comment) {
        entityManager.persist(comment);
        tally.add(comment.status(), 1);
        authorTally.added(comment.emailIndex(), comment.status(), comment.createdAt());
    }

    /**
     * An import's batch of new comments (API.md §8), their authors' rows already there
     * ({@link Authors#ensureExist}): the tallies change once per status and author, as in {@link #decideAll}.
     */
    public void persistImported(List<Comment> imported) {
        Map<CommentStatus, Long> statusChanges = new java.util.EnumMap<>(CommentStatus.class);
        Map<String, Map<CommentStatus, Long>> authorChanges = new HashMap<>();
        Map<String, Instant[]> seen = new HashMap<>();
        for (Comment comment : imported) {
            entityManager.persist(comment);
            count(statusChanges, authorChanges, comment.emailIndex(), comment.status(), 1);
            if (comment.emailIndex() != null) {
                seen.merge(comment.emailIndex(), new Instant[] { comment.createdAt(), comment.createdAt() },
                        (a, b) -> new Instant[] { a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1] });
            }
        }
        entityManager.flush();
        // Written: no longer tracked, so the tallies' statements below do not dirty-check the whole batch each.
        imported.forEach(entityManager::detach);
        tally.addAll(statusChanges);
        authorTally.importedAll(authorChanges, seen);
    }

    public void flush() {
        entityManager.flush();
    }

    public void delete(Comment comment) {
        entityManager.remove(comment);
        tally.add(comment.status(), -1);
        authorTally.add(comment.emailIndex(), comment.status(), -1);
    }

    /** A moderator's decision: the only way a stored comment changes status besides {@link #hold} and {@link #erasePersonalData}. */
    public void decide(Comment comment, CommentStatus to, String moderator, Instant now, String reason, String note) {
        CommentStatus from = comment.status();
        comment.decide(to, moderator, now, reason, note);
        tally.move(from, to);
        authorTally.move(comment.emailIndex(), from, to);
    }

    /**
     * A batch of decisions on comments the caller has locked, none already in {@code to}. The tallies
     * change once per status and author at the end, after every comment lock is held: a batch then
     * never holds a tally row while it waits for a comment, which a single decision (comment first,
     * then tallies) could be holding.
     */
    public void decideAll(List<Comment> locked, CommentStatus to, String moderator, Instant now, String reason,
            String note) {
        Map<CommentStatus, Long> statusChanges = new java.util.EnumMap<>(CommentStatus.class);
        Map<String, Map<CommentStatus, Long>> authorChanges = new HashMap<>();
        for (Comment comment : locked) {
            CommentStatus from = comment.status();
            comment.decide(to, moderator, now, reason, note);
            count(statusChanges, authorChanges, comment.emailIndex(), from, -1);
            count(statusChanges, authorChanges, comment.emailIndex(), to, 1);
        }
        entityManager.flush();
        tally.addAll(statusChanges);
        authorTally.addAll(authorChanges);
    }

    /** A batch of deletions of comments the caller has locked; the tallies change as in {@link #decideAll}. */
    public void deleteAll(List<Comment> locked) {
        Map<CommentStatus, Long> statusChanges = new java.util.EnumMap<>(CommentStatus.class);
        Map<String, Map<CommentStatus, Long>> authorChanges = new HashMap<>();
        for (Comment comment : locked) {
            entityManager.remove(comment);
            count(statusChanges, authorChanges, comment.emailIndex(), comment.status(), -1);
        }
        entityManager.flush();
        tally.addAll(statusChanges);
        authorTally.addAll(authorChanges);
    }

    private static void count(Map<CommentStatus, Long> statusChanges, Map<String, Map<CommentStatus, Long>> authorChanges,
            String emailIndex, CommentStatus status, long delta) {
        statusChanges.merge(status, delta, Long::sum);
        if (emailIndex != null) {
            authorChanges.computeIfAbsent(emailIndex, index -> new java.util.EnumMap<>(CommentStatus.class))
                    .merge(status, delta, Long::sum);
        }
    }

    /** Takes a published comment back to the queue, adding {@code reason} (see {@link Comment#hold}). */
    public void hold(Comment comment, String reason, Instant now) {
        CommentStatus from = comment.status();
        comment.hold(reason, now);
        tally.move(from, comment.status());
        authorTally.move(comment.emailIndex(), from, comment.status());
    }

    /**
     * An erasure request; a pending comment is rejected (see {@link Comment#erasePersonalData}). The
     * author's counts are not touched: the erasure forgets the author ({@link Authors#forget}).
     */
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

    /** An author's comments, newest first: keyset pages over (email_index, created_at, id). */
    public List<Comment> findByAuthor(String emailIndex, Cursor before, int limit) {
        StringBuilder query = new StringBuilder("from Comment c where c.emailIndex = :email");
        if (before != null) {
            query.append(" and c.createdAt <= :beforeTime and (c.createdAt < :beforeTime or c.id < :beforeId)");
        }
        query.append(" order by c.emailIndex desc, c.createdAt desc, c.id desc");
        TypedQuery<Comment> typed = entityManager.createQuery(query.toString(), Comment.class)
                .setParameter("email", emailIndex);
        if (before != null) {
            typed.setParameter("beforeTime", before.createdAt()).setParameter("beforeId", before.id());
        }
        return typed.setMaxResults(limit + 1).getResultList();
    }

    /** How many comments match; used for a bulk action's {@code matched}. */
    public long countMatching(CommentFilter filter) {
        var query = entityManager.createNativeQuery("select count(*) from comment c where " + where(filter));
        bind(query, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * The ids of the next matching comments after {@code after}, oldest first: a bulk action by query
     * walks the matches in batches with this keyset, whatever each batch did to the ones before.
     */
    public List<Cursor> nextMatching(CommentFilter filter, Cursor after, int batch) {
        StringBuilder sql = new StringBuilder("select c.created_at, c.id from comment c where ").append(where(filter));
        if (after != null) {
            sql.append(" and c.created_at >= :afterTime and (c.created_at > :afterTime or c.id > :afterId)");
        }
        sql.append(" order by c.created_at, c.id");
        var query = entityManager.createNativeQuery(sql.toString());
        bind(query, filter);
        if (after != null) {
            query.setParameter("afterTime", after.createdAt()).setParameter("afterId", after.id());
        }
        List<Cursor> positions = new java.util.ArrayList<>();
        for (Object row : query.setMaxResults(batch).getResultList()) {
            Object[] columns = (Object[]) row;
            positions.add(new Cursor(toInstant(columns[0]), (String) columns[1]));
        }
        return positions;
    }

    /** A timestamp column of a native query, as the JDBC driver of either database hands it over. */
    static Instant toInstant(Object column) {
        return switch (column) {
            case Instant instant -> instant;
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + column.getClass().getName());
        };
    }

    /**
     * The filter as SQL over named parameters. Reasons are stored one per line ({@link ReasonsConverter}),
     * so a reason matches when the column, framed by line breaks, contains it framed by a line
     * break and a line break or a colon.
     */
    private static String where(CommentFilter filter) {
        StringBuilder where = new StringBuilder("c.status = :status");
        if (filter.articleId() != null) {
            where.append(" and c.article_id = :articleId");
        }
        if (filter.emailIndex() != null) {
            where.append(" and c.email_index = :emailIndex");
        }
        if (filter.reason() != null) {
            where.append(" and ((:nl || c.reasons || :nl) like :exactReason escape '!' or (:nl || c.reasons || :nl) like :reasonCode escape '!')");
        }
        if (filter.submittedAfter() != null) {
            where.append(" and c.created_at >= :submittedAfter");
        }
        if (filter.submittedBefore() != null) {
            where.append(" and c.created_at < :submittedBefore");
        }
        return where.toString();
    }

    private static void bind(jakarta.persistence.Query query, CommentFilter filter) {
        query.setParameter("status", filter.status().wireName());
        if (filter.articleId() != null) {
            query.setParameter("articleId", filter.articleId());
        }
        if (filter.emailIndex() != null) {
            query.setParameter("emailIndex", filter.emailIndex());
        }
        if (filter.reason() != null) {
            String literal = filter.reason().replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.setParameter("nl", "\n").setParameter("exactReason", "%\n" + literal + "\n%").setParameter("reasonCode", "%\n" + literal + ":%");
        }
        if (filter.submittedAfter() != null) {
            query.setParameter("submittedAfter", filter.submittedAfter());
        }
        if (filter.submittedBefore() != null) {
            query.setParameter("submittedBefore", filter.submittedBefore());
        }
    }

    /**
     * Every comment, a page at a time in id order (ids grow with time), after {@code afterId} (null:
     * from the start): the export's keyset, served by the primary key, the same cost on every page.
     */
    public List<Comment> findAllAfterId(String afterId, int limit) {
        TypedQuery<Comment> query = entityManager.createQuery("from Comment c"
                + (afterId == null ? "" : " where c.id > :after") + " order by c.id", Comment.class);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return query.setMaxResults(limit).getResultList();
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
            // Lock what will go first, so no decision moves one of them between counting and deleting.
            Map<String, Long> perAuthor = entityManager.createQuery("select c.emailIndex from Comment c"
                    + " where c.status = :status and c.updatedAt < :cutoff and c.emailIndex is not null", String.class)
                    .setParameter("status", status).setParameter("cutoff", cutoff)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().collect(Collectors.groupingBy(emailIndex -> emailIndex, Collectors.counting()));
            perAuthor.forEach((emailIndex, comments) -> authorTally.add(emailIndex, status, -comments));
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
