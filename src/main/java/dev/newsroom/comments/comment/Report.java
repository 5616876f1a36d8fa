package dev.newsroom.comments.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A reader's open report of a published comment (V11__reader_reports.sql): one per client and
 * comment, the client known only by a keyed fingerprint. Closing reports deletes them.
 */
@Entity
@Table(name = "report")
@IdClass(Report.Key.class)
public class Report {

    /** The composite key: one open report per client and comment. */
    public static class Key implements Serializable {

        String commentId;
        String reporter;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(commentId, key.commentId)
                    && java.util.Objects.equals(reporter, key.reporter);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(commentId, reporter);
        }
    }

    @Id
    @Column(name = "comment_id")
    private String commentId;

    @Id
    private String reporter;

    @Column(nullable = false)
    private String reason;

    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Report() {
        // for JPA
    }

    Report(String commentId, String reporter, String reason, String note, Instant createdAt) {
        this.commentId = commentId;
        this.reporter = reporter;
        this.reason = reason;
        this.note = note;
        this.createdAt = createdAt;
    }
}
