package dev.newsroom.comments.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit trail: who changed what, when, from which state to which (moderation
 * decisions, article closing, privacy erasures). Rows are only ever inserted; the class has no way
 * to change one after it is persisted.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

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

    /**
     * The reason code and note a moderator gave with a decision; null otherwise. An edit's note is
     * the names of the fields it changed (moderation.ModerationService#edit), never their values.
     */
    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String note;

    /** The author whose standing changed (action {@code standing}); null otherwise. */
    @Column(name = "author_id", updatable = false)
    private String authorId;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(Instant at, String moderator, String action, String commentId, String articleId, String from,
            String to) {
        this(at, moderator, action, commentId, articleId, from, to, null, null);
    }

    public AuditEntry(Instant at, String moderator, String action, String commentId, String articleId, String from,
            String to, String reason, String note) {
        this.reason = reason;
        this.note = note;
        this.at = at;
        this.moderator = moderator;
        this.action = action;
        this.commentId = commentId;
        this.articleId = articleId;
        this.from = from;
        this.to = to;
    }

    /** A change of an author's standing, from one standing to another, with the moderator's note. */
    public static AuditEntry standing(Instant at, String moderator, String authorId, String from, String to,
            String note) {
        AuditEntry entry = new AuditEntry(at, moderator, "standing", null, null, from, to, null, note);
        entry.authorId = authorId;
        return entry;
    }

    public String authorId() {
        return authorId;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String moderator() {
        return moderator;
    }

    public String action() {
        return action;
    }

    public String commentId() {
        return commentId;
    }

    public String articleId() {
        return articleId;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public String note() {
        return note;
    }
}
