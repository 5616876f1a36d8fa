package dev.newsroom.comments.migration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One import (V15__imports.sql). Its counters are advanced in SQL by each batch's transaction
 * ({@link ImportWriter}), so this entity only creates the row and reads it.
 */
@Entity
@Table(name = "import_job")
class ImportJob {

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String format;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private long processed;

    @Column(nullable = false)
    private long imported;

    @Column(nullable = false)
    private long skipped;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
        // for JPA
    }

    ImportJob(String id, ImportFormat format, String startedBy, Instant now) {
        this.id = id;
        this.format = format.wireName();
        this.status = RUNNING;
        this.startedBy = startedBy;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    String id() {
        return id;
    }

    String format() {
        return format;
    }

    String status() {
        return status;
    }

    long processed() {
        return processed;
    }

    long imported() {
        return imported;
    }

    long skipped() {
        return skipped;
    }

    long errorCount() {
        return errorCount;
    }

    String startedBy() {
        return startedBy;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant heartbeatAt() {
        return heartbeatAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
