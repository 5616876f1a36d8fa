package dev.newsroom.comments.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit trail: who changed what, when, from which state to which. Rows are only
 * ever inserted; the class has no way to change one after it is persisted.
 */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String moderator;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "comment_id", updatable = false)
    private String commentId;

    @Column(name = "article_id", updatable = false)
    private String articleId;

    @Column(name = "from_state", updatable = false)
    private String from;

    @Column(name = "to_state", updatable = false)
    private String to;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(Instant at, String moderator, String action, String commentId, String articleId, String from,
            String to) {
        this.at = at;
        this.moderator = moderator;
        this.action = action;
        this.commentId = commentId;
        this.articleId = articleId;
        this.from = from;
        this.to = to;
    }

    Long id() {
        return id;
    }

    Instant at() {
        return at;
    }

    String moderator() {
        return moderator;
    }

    String action() {
        return action;
    }

    String commentId() {
        return commentId;
    }

    String articleId() {
        return articleId;
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }
}
