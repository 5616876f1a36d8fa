package dev.newsroom.comments.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the event log (V13__event_log.sql). {@code position} is its public id, given by
 * {@link EventRelay} once the event's transaction committed; until then nobody reads it.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(insertable = false, updatable = false)
    private Long position;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "article_id", updatable = false)
    private String articleId;

    @Column(name = "comment_id", updatable = false)
    private String commentId;

    @Column(updatable = false)
    private String actor;

    @Column(name = "published_change", updatable = false)
    private String publishedChange;

    /** JSON; rewritten only to take a redacted comment's old text out ({@link EventLog#redact}). */
    private String data;

    protected Event() {
        // for JPA
    }

    Event(String type, Instant occurredAt, String articleId, String commentId, String actor, String publishedChange,
            String data) {
        this.type = type;
        this.occurredAt = occurredAt;
        this.articleId = articleId;
        this.commentId = commentId;
        this.actor = actor;
        this.publishedChange = publishedChange;
        this.data = data;
    }

    Long seq() {
        return seq;
    }

    public Long position() {
        return position;
    }

    public String type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String articleId() {
        return articleId;
    }

    public String commentId() {
        return commentId;
    }

    public String actor() {
        return actor;
    }

    public String publishedChange() {
        return publishedChange;
    }

    public String data() {
        return data;
    }

    void rewriteData(String data) {
        this.data = data;
    }
}
