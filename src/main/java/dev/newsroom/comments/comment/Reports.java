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
        entityManager.createNativeQuery("update comment set open_reports = open_reports + 1, last_reported_at = ?1"
                + " where id = ?2").setParameter(1, now).setParameter(2, commentId).executeUpdate();
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
        int closed = entityManager.createQuery("delete from Report r where r.commentId = :id")
                .setParameter("id", commentId).executeUpdate();
        if (closed > 0) {
            entityManager.createNativeQuery("update comment set open_reports = 0 where id = ?1")
                    .setParameter(1, commentId).executeUpdate();
        }
        return closed;
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
     * reported first, then newest id first. Counting only reports up to a fixed time keeps every
     * comment's place while new reports arrive, so paging neither skips nor repeats a comment;
     * reports filed later count from the next first page. {@code status} and {@code articleId}
     * narrow it when given.
     *
     * <p>Comments not reported since {@code asOf} have the kept count it had then: they are read in
     * order from the index on {@code open_reports}. The few reported since are counted as of then
     * from their reports. The two lists merge into the page.
     */
    public List<Reported> reportedPage(CommentStatus status, String articleId, Instant asOf, Long afterReports,
            String afterId, int limit) {
        List<Reported> page = new ArrayList<>(unchangedSince(status, articleId, asOf, afterReports, afterId, limit + 1));
        page.addAll(changedSince(status, articleId, asOf, afterReports, afterId));
        page.sort(java.util.Comparator.comparingLong(Reported::reports).reversed()
                .thenComparing(Reported::commentId, java.util.Comparator.reverseOrder()));
        return page.size() > limit + 1 ? page.subList(0, limit + 1) : page;
    }

    /**
     * Walks the index on {@code open_reports} in chunks and filters status and article here: given
     * a status in SQL, H2 would rather read every comment of that status through the status index.
     * Reported comments are few, so the walk is short even when most do not match.
     */
    private List<Reported> unchangedSince(CommentStatus status, String articleId, Instant asOf, Long afterReports,
            String afterId, int limit) {
        List<Reported> page = new ArrayList<>();
        Long reports = afterReports;
        String id = afterId;
        while (page.size() < limit) {
            var query = entityManager.createNativeQuery("select c.id, c.open_reports, c.status, c.article_id,"
                    + " c.last_reported_at from comment c where c.open_reports > 0"
                    + (id == null ? "" : " and (c.open_reports < :afterReports or (c.open_reports = :afterReports"
                            + " and c.id < :afterId))")
                    + " order by c.open_reports desc, c.id desc");
            if (id != null) {
                query.setParameter("afterReports", reports).setParameter("afterId", id);
            }
            List<?> chunk = query.setMaxResults(CHUNK).getResultList();
            for (Object row : chunk) {
                Object[] columns = (Object[]) row;
                id = (String) columns[0];
                reports = ((Number) columns[1]).longValue();
                boolean unchanged = columns[4] != null && !CommentRepository.toInstant(columns[4]).isAfter(asOf);
                if (unchanged && (status == null || status.wireName().equals(columns[2]))
                        && (articleId == null || articleId.equals(columns[3]))) {
                    page.add(new Reported(id, reports));
                    if (page.size() == limit) {
                        return page;
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                return page;
            }
        }
        return page;
    }

    private static final int CHUNK = 200;


    /**
     * The comments reported since {@code asOf}, counted as of then. They are found by their last
     * report time (an index) and only then checked against status and article, for the same reason
     * as in {@link #unchangedSince}; they are few (reported within the last moments).
     */
    private List<Reported> changedSince(CommentStatus status, String articleId, Instant asOf, Long afterReports,
            String afterId) {
        StringBuilder sql = new StringBuilder("select r.comment_id, count(*) from report r where r.created_at <= :asOf"
                + " and r.comment_id in (select c.id from comment c where c.last_reported_at > :asOf)"
                + " group by r.comment_id");
        if (afterId != null) {
            sql.append(" having count(*) < :afterReports or (count(*) = :afterReports and r.comment_id < :afterId)");
        }
        List<Reported> changed = rows(bind(entityManager.createNativeQuery(sql.toString()), null, null, asOf,
                afterReports, afterId));
        if (changed.isEmpty() || (status == null && articleId == null)) {
            return changed;
        }
        StringBuilder matching = new StringBuilder("select c.id from Comment c where c.id in :ids");
        if (status != null) {
            matching.append(" and c.status = :status");
        }
        if (articleId != null) {
            matching.append(" and c.articleId = :articleId");
        }
        var query = entityManager.createQuery(matching.toString(), String.class)
                .setParameter("ids", changed.stream().map(Reported::commentId).toList());
        if (status != null) {
            query.setParameter("status", status);
        }
        if (articleId != null) {
            query.setParameter("articleId", articleId);
        }
        java.util.Set<String> kept = new java.util.HashSet<>(query.getResultList());
        return changed.stream().filter(reported -> kept.contains(reported.commentId())).toList();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, CommentStatus status,
            String articleId, Instant asOf, Long afterReports, String afterId) {
        query.setParameter("asOf", asOf);
        if (status != null) {
            query.setParameter("status", status.wireName());
        }
        if (articleId != null) {
            query.setParameter("articleId", articleId);
        }
        if (afterId != null) {
            query.setParameter("afterReports", afterReports).setParameter("afterId", afterId);
        }
        return query;
    }

    private static List<Reported> rows(jakarta.persistence.Query query) {
        List<Reported> page = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            page.add(new Reported((String) columns[0], ((Number) columns[1]).longValue()));
        }
        return page;
    }
}
