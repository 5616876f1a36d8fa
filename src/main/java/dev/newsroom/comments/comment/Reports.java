package dev.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open reports of comments (V11__reader_reports.sql). The callers that add or close reports hold
 * the comment's row lock, so the reports of one comment change one transaction at a time: a count
 * read under that lock is exact, on any number of instances.
 */
@ApplicationScoped
public class Reports {

    /** How many report notes a moderator item shows, newest first. */
    static final int NOTES_SHOWN = 5;

    private final EntityManager entityManager;

    Reports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Files a report unless this client already has one open on the comment; true when it was counted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(String commentId, String reporter, String reason, String note, Instant now) {
        if (entityManager.find(Report.class, keyOf(commentId, reporter)) != null) {
            return false;
        }
        entityManager.persist(new Report(commentId, reporter, reason, note, now));
        return true;
    }

    private static Report.Key keyOf(String commentId, String reporter) {
        Report.Key key = new Report.Key();
        key.commentId = commentId;
        key.reporter = reporter;
        return key;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long countOpen(String commentId) {
        return entityManager.createQuery("select count(r) from Report r where r.commentId = :id", Long.class)
                .setParameter("id", commentId).getSingleResult();
    }

    /** A decision closes the comment's open reports; counting starts again from the next one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int close(String commentId) {
        return entityManager.createQuery("delete from Report r where r.commentId = :id")
                .setParameter("id", commentId).executeUpdate();
    }

    /** The open reports of each of these comments; comments without any are absent. */
    public Map<String, ReportSummary> summaries(Collection<String> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        entityManager.createQuery("select r.commentId, r.reason, count(r) from Report r where r.commentId in :ids"
                + " group by r.commentId, r.reason", Object[].class)
                .setParameter("ids", commentIds)
                .getResultStream()
                .forEach(row -> reasons.computeIfAbsent((String) row[0], id -> new TreeMap<>())
                        .put((String) row[1], (Long) row[2]));
        if (reasons.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> notes = new HashMap<>();
        entityManager.createQuery("select r.commentId, r.note from Report r where r.commentId in :ids"
                + " and r.note is not null order by r.createdAt desc", Object[].class)
                .setParameter("ids", reasons.keySet())
                .getResultStream()
                .forEach(row -> {
                    List<String> shown = notes.computeIfAbsent((String) row[0], id -> new ArrayList<>());
                    if (shown.size() < NOTES_SHOWN) {
                        shown.add((String) row[1]);
                    }
                });
        Map<String, ReportSummary> summaries = new HashMap<>();
        reasons.forEach((id, byReason) -> summaries.put(id, new ReportSummary(
                byReason.values().stream().mapToLong(Long::longValue).sum(), byReason,
                notes.getOrDefault(id, List.of()))));
        return summaries;
    }

    /** A comment with open reports, and how many were open at the page's snapshot. */
    public record Reported(String commentId, long reports) {
    }

    /**
     * One page of the reported queue: comments with open reports filed up to {@code asOf}, most
     * reported first, then by id. Counting only reports up to a fixed time keeps every comment's
     * place while new reports arrive, so paging neither skips nor repeats a comment; reports filed
     * later count from the next first page. {@code status} and {@code articleId} narrow it when given.
     */
    public List<Reported> reportedPage(CommentStatus status, String articleId, Instant asOf, Long afterReports,
            String afterId, int limit) {
        // Driven by the open reports joined to their comments by primary key, and only when a filter
        // needs the comment (never the other way round: H2 would evaluate a grouped subquery once per
        // comment row). A deleted comment's reports go with it (ON DELETE CASCADE).
        boolean filtered = status != null || articleId != null;
        StringBuilder sql = new StringBuilder("select r.comment_id, count(*) from report r"
                + (filtered ? " join comment c on c.id = r.comment_id" : "") + " where r.created_at <= :asOf");
        if (status != null) {
            sql.append(" and c.status = :status");
        }
        if (articleId != null) {
            sql.append(" and c.article_id = :articleId");
        }
        sql.append(" group by r.comment_id");
        if (afterId != null) {
            sql.append(" having count(*) < :afterReports or (count(*) = :afterReports and r.comment_id > :afterId)");
        }
        sql.append(" order by count(*) desc, r.comment_id asc");
        var query = entityManager.createNativeQuery(sql.toString()).setParameter("asOf", asOf);
        if (status != null) {
            query.setParameter("status", status.wireName());
        }
        if (articleId != null) {
            query.setParameter("articleId", articleId);
        }
        if (afterId != null) {
            query.setParameter("afterReports", afterReports).setParameter("afterId", afterId);
        }
        List<Reported> page = new ArrayList<>();
        for (Object row : query.setMaxResults(limit + 1).getResultList()) {
            Object[] columns = (Object[]) row;
            page.add(new Reported((String) columns[0], ((Number) columns[1]).longValue()));
        }
        return page;
    }
}
