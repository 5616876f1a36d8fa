package dev.newsroom.comments.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Everyone who wrote with one email, known by the email's blind index (V10__authors.sql): the
 * moderators' standing for them and their comments' counts per status. The counts are written by
 * {@link AuthorTally} in SQL, never through this entity, so concurrent posts add up rather than
 * overwrite each other; the entity is read-only but for the standing.
 */
@Entity
@Table(name = "author")
public class Author {

    @Id
    @Column(name = "email_index")
    private String emailIndex;

    @Column(name = "author_id")
    private String authorId;

    @Column(nullable = false)
    private Standing standing = Standing.NORMAL;

    @Column(name = "standing_until")
    private Instant standingUntil;

    @Column(name = "standing_note")
    private String standingNote;

    @Column(updatable = false, insertable = false)
    private long approved;

    @Column(updatable = false, insertable = false)
    private long pending;

    @Column(updatable = false, insertable = false)
    private long rejected;

    @Column(updatable = false, insertable = false)
    private long spam;

    @Column(name = "first_seen", updatable = false, insertable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", updatable = false, insertable = false)
    private Instant lastSeen;

    protected Author() {
        // for JPA
    }

    Author(String emailIndex, String authorId) {
        this.emailIndex = emailIndex;
        this.authorId = authorId;
    }

    /** The standing in force at {@code now}: one whose {@code until} has passed is {@code normal} again. */
    public Standing standingAt(Instant now) {
        return expired(now) ? Standing.NORMAL : standing;
    }

    /** Until when the standing holds; null when it holds until changed (or has expired). */
    public Instant untilAt(Instant now) {
        return expired(now) ? null : standingUntil;
    }

    public String noteAt(Instant now) {
        return expired(now) ? null : standingNote;
    }

    private boolean expired(Instant now) {
        return standingUntil != null && !standingUntil.isAfter(now);
    }

    /** A moderator's change; the caller has validated it and audits it. */
    public void changeStanding(Standing standing, Instant until, String note) {
        this.standing = standing;
        this.standingUntil = until;
        this.standingNote = note;
    }

    public String emailIndex() {
        return emailIndex;
    }

    public String authorId() {
        return authorId;
    }

    public long count(CommentStatus status) {
        return switch (status) {
            case APPROVED -> approved;
            case PENDING -> pending;
            case REJECTED -> rejected;
            case SPAM -> spam;
        };
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    @Override
    public String toString() {
        return "Author[" + authorId + "]";
    }
}
