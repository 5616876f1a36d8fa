package dev.newsroom.comments.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One import as it reads its file: collects comments into batches and hands each to
 * {@link ImportWriter}, writing a batch again when it collided with another import of the same
 * comments. Keeps the per-article counts for the import.completed events, announcing them early
 * when many articles pile up, so memory stays bounded however large the file.
 */
final class ImportRun implements ImportSink {

    private static final int MAX_ARTICLES_HELD = 10_000;
    private static final int ATTEMPTS = 5;
    /** The statistics are refreshed at this many comments written, and each time the count doubles. */
    private static final long FIRST_RECOUNT = 2_000;

    private final String importId;
    private final String administrator;
    private final ImportWriter writer;
    private final int batchSize;
    private String source;
    private final List<IncomingComment> batch = new ArrayList<>();
    private final List<ImportView.ImportError> errors = new ArrayList<>();
    private long processed;
    private long skipped;
    private final Map<String, long[]> perArticle = new HashMap<>();
    /** Comments written by this run, and at how many the database's statistics are refreshed next. */
    private long written;
    private long recountAt = FIRST_RECOUNT;

    ImportRun(String importId, String administrator, ImportWriter writer, int batchSize) {
        this.importId = importId;
        this.administrator = administrator;
        this.writer = writer;
        this.batchSize = batchSize;
    }

    @Override
    public void source(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    @Override
    public void comment(IncomingComment comment) {
        processed++;
        batch.add(comment);
        flushWhenFull();
    }

    @Override
    public void leftOut() {
        processed++;
        skipped++;
        flushWhenFull();
    }

    @Override
    public void malformed(String where, String message) {
        processed++;
        skipped++;
        errors.add(new ImportView.ImportError(where, message));
        flushWhenFull();
    }

    /** A batch is full; long runs of left-out or malformed items commit their counts too. */
    private void flushWhenFull() {
        if (batch.size() >= batchSize || processed >= 10L * batchSize || errors.size() >= batchSize) {
            flush();
        }
    }

    /** Writes what is collected (nothing to write: nothing happens). */
    void flush() {
        if (processed == 0) {
            return;
        }
        ImportWriter.Stored stored = null;
        for (int attempt = 1; stored == null; attempt++) {
            try {
                stored = writer.write(importId, source, batch, errors, processed, skipped);
            } catch (RuntimeException collided) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(collided)) {
                    throw collided;
                }
            }
        }
        stored.perArticle().forEach((articleId, counts) -> {
            long[] total = perArticle.computeIfAbsent(articleId, article -> new long[2]);
            total[0] += counts[0];
            total[1] += counts[1];
        });
        written += batch.size();
        if (written >= recountAt) {
            writer.refreshStatistics();
            recountAt = 2 * written;
        }
        batch.clear();
        errors.clear();
        processed = 0;
        skipped = 0;
        if (perArticle.size() >= MAX_ARTICLES_HELD) {
            announce();
        }
    }

    /** The import.completed events of the articles counted so far. */
    void announce() {
        if (!perArticle.isEmpty()) {
            writer.announce(importId, administrator, perArticle);
            perArticle.clear();
        }
    }

    /**
     * SQLState class 23: a constraint (here a primary key another import's batch just used) refused
     * the insert; 40001 and 40P01: the database chose this transaction to end a deadlock. Either way
     * the batch can be written again.
     */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001")
                            || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }
}
