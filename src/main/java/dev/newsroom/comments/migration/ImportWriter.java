package dev.newsroom.comments.migration;

import dev.newsroom.comments.comment.ArticleChanged;
import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.comment.Authors;
import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.EmailVault;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.event.PublishedChange;
import dev.newsroom.comments.storage.DatabaseSelection.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Writes an import, one transaction per batch: the batch's new comments (sealed and indexed like
 * any), their authors' rows and counts, the status tallies, the records of what was imported, the
 * batch's errors and the import's counters all commit together or not at all. A batch that meets
 * another import's records of the same comments (two imports of one file at once) fails on their
 * primary key and is written again by its caller, then skipping what the other one imported.
 */
@ApplicationScoped
class ImportWriter {

    /** Rows an insert round trip carries. */
    private static final int JDBC_BATCH = 100;

    private final EntityManager entityManager;
    private final CommentRepository comments;
    private final Authors authors;
    private final BlindIndex index;
    private final EmailVault vault;
    private final EventLog events;
    private final Event<ArticleChanged> articleChanged;
    private final ImportConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    ImportWriter(EntityManager entityManager, CommentRepository comments, Authors authors, BlindIndex index,
            EmailVault vault, EventLog events, Event<ArticleChanged> articleChanged, ImportConfig config,
            AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.entityManager = entityManager;
        this.comments = comments;
        this.authors = authors;
        this.index = index;
        this.vault = vault;
        this.events = events;
        this.articleChanged = articleChanged;
        this.config = config;
        this.clock = clock;
    }

    /** The import's row, and its audit line (action import, the format and the import's id as note). */
    @Transactional
    String start(ImportFormat format, String administrator) {
        ImportJob job = new ImportJob(java.util.UUID.randomUUID().toString(), format, administrator, now());
        entityManager.persist(job);
        audit.append(new AuditEntry(now(), administrator, "import", null, null, null, null, null,
                "format " + format.wireName() + ", import " + job.id()));
        return job.id();
    }

    /** What a batch stored, per article: comments imported, and how many of them are published. */
    record Stored(Map<String, long[]> perArticle) {
    }

    /**
     * One batch, in a transaction of its own.
     *
     * @param processed how many comments of the file this batch accounts for (those in it, and those
     *                  left out or malformed since the previous batch)
     * @param skipped   how many of those were left out or malformed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Stored write(String importId, String source, List<IncomingComment> batch, List<ImportView.ImportError> errors,
            long processed, long skipped) {
        Set<String> wanted = new HashSet<>();
        for (IncomingComment incoming : batch) {
            wanted.add(incoming.originalId());
            if (incoming.parentOriginalId() != null) {
                wanted.add(incoming.parentOriginalId());
            }
        }
        Map<String, Known> known = known(source, wanted);
        Map<String, Known> inBatch = new HashMap<>();
        List<Comment> fresh = new ArrayList<>();
        List<Object[]> records = new ArrayList<>();
        List<ImportView.ImportError> batchErrors = new ArrayList<>(errors);
        long alreadyThere = 0;
        Instant now = now();
        for (IncomingComment incoming : batch) {
            Comment.Imported values = incoming.comment();
            Known before = known.get(incoming.originalId());
            if (inBatch.containsKey(incoming.originalId()) || before != null && importId.equals(before.importId())) {
                batchErrors.add(new ImportView.ImportError(incoming.where(),
                        "the comment's id appears twice in the file; the second is skipped"));
                alreadyThere++;
                continue;
            }
            if (before != null) { // imported before (or, for our own export, already here): its replies link to it
                inBatch.put(incoming.originalId(), before);
                alreadyThere++;
                continue;
            }
            String parentId = null;
            String waitingFor = null;
            if (incoming.parentOriginalId() != null) {
                Known parent = inBatch.getOrDefault(incoming.parentOriginalId(), known.get(incoming.parentOriginalId()));
                if (parent == null) {
                    waitingFor = incoming.parentOriginalId(); // later in the file, or never: top-level till then
                } else if (parent.commentId() != null && parent.articleId().equals(values.articleId())) {
                    parentId = parent.commentId();
                }
            }
            Comment comment = Comment.imported(withParent(values, parentId, now),
                    values.email() == null ? null : index.email(values.email()), vault);
            fresh.add(comment);
            inBatch.put(incoming.originalId(), new Known(comment.id(), values.articleId(), importId));
            records.add(new Object[] { incoming.originalId(), comment.id(), waitingFor });
        }
        Session session = entityManager.unwrap(Session.class);
        session.setJdbcBatchSize(JDBC_BATCH); // this transaction's inserts in round trips of many rows
        authors.ensureExist(fresh.stream().map(Comment::emailIndex).toList());
        comments.persistImported(fresh);
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into import_record (source,"
                    + " original_id, comment_id, import_id, parent_original_id) values (?, ?, ?, ?, ?)")) {
                for (Object[] record : records) {
                    insert.setString(1, source);
                    insert.setString(2, (String) record[0]);
                    insert.setString(3, (String) record[1]);
                    insert.setString(4, importId);
                    insert.setString(5, (String) record[2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        addErrors(importId, batchErrors);
        entityManager.createNativeQuery("update import_job set processed = processed + ?1, imported = imported + ?2,"
                + " skipped = skipped + ?3, heartbeat_at = ?4 where id = ?5")
                .setParameter(1, processed).setParameter(2, fresh.size()).setParameter(3, skipped + alreadyThere)
                .setParameter(4, now()).setParameter(5, importId).executeUpdate();
        Map<String, long[]> perArticle = new HashMap<>();
        for (Comment comment : fresh) {
            long[] counts = perArticle.computeIfAbsent(comment.articleId(), article -> new long[2]);
            counts[0]++;
            if (comment.status() == CommentStatus.APPROVED) {
                counts[1]++;
            }
        }
        perArticle.forEach((articleId, counts) -> {
            if (counts[1] > 0) {
                articleChanged.fire(new ArticleChanged(articleId));
            }
        });
        return new Stored(perArticle);
    }

    /**
     * Has PostgreSQL recount the tables an import fills. Its planner works from statistics that
     * autovacuum refreshes only when it runs, and then about once a minute: a table that grows from
     * empty to a million rows in minutes is planned as if it were still small, and the lookup of
     * known ids (above) scanned every earlier record for each batch, slower and slower. H2 recounts
     * on its own as rows change.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void refreshStatistics() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (Database.of(connection) == Database.POSTGRESQL) {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("analyze import_record, comment, author");
                }
            }
        });
    }

    /**
     * Links replies stored before their parents (later in the file, or in an earlier run that failed)
     * to them, a page at a time; answers how many it linked, 0 when none is left to link.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int relink(String source, int page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select r.original_id, r.comment_id, pr.comment_id,"
                + " c.article_id, c.status from import_record r"
                + " join import_record pr on pr.source = r.source and pr.original_id = r.parent_original_id"
                + " join comment c on c.id = r.comment_id join comment p on p.id = pr.comment_id"
                + " where r.source = ?1 and r.parent_original_id is not null and c.article_id = p.article_id"
                + " order by r.original_id")
                .setParameter(1, source).setMaxResults(page).getResultList();
        Set<String> published = new TreeSet<>();
        for (Object[] row : rows) {
            entityManager.createNativeQuery("update comment set parent_id = ?1, version = version + 1"
                    + " where id = ?2 and parent_id is null")
                    .setParameter(1, row[2]).setParameter(2, row[1]).executeUpdate();
            entityManager.createNativeQuery("update import_record set parent_original_id = null"
                    + " where source = ?1 and original_id = ?2")
                    .setParameter(1, source).setParameter(2, row[0]).executeUpdate();
            if (CommentStatus.APPROVED.wireName().equals(row[4])) {
                published.add((String) row[3]);
            }
        }
        published.forEach(articleId -> articleChanged.fire(new ArticleChanged(articleId)));
        return rows.size();
    }

    /** import.completed for each article that received comments, with published-changes for those now showing more. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void announce(String importId, String administrator, Map<String, long[]> perArticle) {
        new java.util.TreeMap<>(perArticle).forEach((articleId, counts) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("importId", importId);
            data.put("imported", counts[0]);
            data.put("published", counts[1]);
            events.other(EventTypes.IMPORT_COMPLETED, articleId, administrator, data,
                    counts[1] > 0 ? PublishedChange.UPDATED : null);
        });
    }

    /** The import's end: done, or failed with why (also listed in its errors), and the overall import.completed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(String importId, String administrator, ImportView.ImportError failure) {
        if (failure != null) {
            addErrors(importId, List.of(failure));
        }
        entityManager.createNativeQuery("update import_job set status = ?1, finished_at = ?2, heartbeat_at = ?2"
                + " where id = ?3")
                .setParameter(1, failure == null ? ImportJob.DONE : ImportJob.FAILED).setParameter(2, now())
                .setParameter(3, importId).executeUpdate();
        ImportJob job = entityManager.find(ImportJob.class, importId);
        entityManager.refresh(job);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("importId", importId);
        data.put("format", job.format());
        data.put("status", job.status());
        data.put("processed", job.processed());
        data.put("imported", job.imported());
        data.put("skipped", job.skipped());
        data.put("errors", job.errorCount());
        events.other(EventTypes.IMPORT_COMPLETED, null, administrator, data);
    }

    /** Lists errors up to comments.import.max-errors; counts them all. */
    private void addErrors(String importId, List<ImportView.ImportError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        long listed = ((Number) entityManager.createNativeQuery("select error_count from import_job where id = ?1")
                .setParameter(1, importId).getSingleResult()).longValue();
        for (ImportView.ImportError error : errors) {
            if (listed++ < config.maxErrors()) {
                entityManager.createNativeQuery("insert into import_error (import_id, at, message) values (?1, ?2, ?3)")
                        .setParameter(1, importId).setParameter(2, cut(error.at(), 300))
                        .setParameter(3, cut(error.message(), 1000)).executeUpdate();
            }
        }
        entityManager.createNativeQuery("update import_job set error_count = error_count + ?1 where id = ?2")
                .setParameter(1, errors.size()).setParameter(2, importId).executeUpdate();
    }

    /**
     * What is known of these original ids: the comment each became (null when a moderator deleted
     * it since) and its article, and which import stored it. For our own export the original id is
     * the comment id, so a comment already here counts as imported too.
     */
    private Map<String, Known> known(String source, Set<String> originalIds) {
        Map<String, Known> known = new HashMap<>();
        if (originalIds.isEmpty()) {
            return known;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select r.original_id, c.id, c.article_id, r.import_id"
                + " from import_record r left join comment c on c.id = r.comment_id"
                + " where r.source = :source and r.original_id in (:ids)")
                .setParameter("source", source).setParameter("ids", originalIds).getResultList();
        for (Object[] row : rows) {
            known.put((String) row[0], new Known((String) row[1], (String) row[2], (String) row[3]));
        }
        if (source.equals("jsonl")) {
            @SuppressWarnings("unchecked")
            List<Object[]> here = entityManager.createNativeQuery("select c.id, c.article_id from comment c"
                    + " where c.id in (:ids)").setParameter("ids", originalIds).getResultList();
            for (Object[] row : here) {
                known.putIfAbsent((String) row[0], new Known((String) row[0], (String) row[1], null));
            }
        }
        return known;
    }

    /** A source comment known here: the comment it is (null if deleted), its article, the import that stored it. */
    private record Known(String commentId, String articleId, String importId) {
    }

    /**
     * The values with the parent resolved, and, unless the source says when the comment last changed
     * (our own export does), changed now: the retention of spam and rejected comments
     * (COMMENTS_PRIVACY_REJECTED_RETENTION) then counts from the import, not from a date years ago.
     */
    private static Comment.Imported withParent(Comment.Imported values, String parentId, Instant now) {
        return new Comment.Imported(values.id(), values.articleId(), parentId, values.name(), values.email(),
                values.website(), values.body(), values.status(), values.reasons(), values.createdAt(),
                values.updatedAt() != null ? values.updatedAt() : now, values.decidedBy(), values.decidedAt(), values.decisionReason(),
                values.decisionNote(), values.featured(), values.editedAt());
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
