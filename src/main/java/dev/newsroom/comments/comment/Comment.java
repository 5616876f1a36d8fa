package dev.newsroom.comments.comment;

import dev.newsroom.comments.web.Cursor;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reader's comment on one article. The email is kept for moderators only: it is never part of
 * a reader view, never in {@link #toString()}, and never in a URL or log line.
 */
@Entity
@Table(name = "comment")
public class Comment {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    /**
     * Whether {@code id} could be a comment's id (a UUID). Lookups of anything else answer "not
     * found" without asking the database, which would otherwise see whatever a client sent
     * (PostgreSQL refuses a NUL character with an error, not an empty result).
     */
    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }


    @Id
    private String id;

    @Column(name = "article_id", nullable = false, updatable = false)
    private String articleId;

    @Column(name = "parent_id")
    private String parentId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    /** The email, sealed by {@link EmailVault}; null once erased. */
    @Column(name = "email_sealed")
    private String sealedEmail;

    private String website;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private CommentStatus status;

    @Convert(converter = ReasonsConverter.class)
    @Column(nullable = false)
    private List<String> reasons = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    /** The latest decision's time, reason code and note (API.md §5); null before any. */
    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decision_note")
    private String decisionNote;

    /** An editors' pick; only ever true while the comment is approved. */
    @Column(nullable = false)
    private boolean featured;

    /** {@link BlindIndex#email}: recognises the author without storing anything readable. */
    @Column(name = "email_index")
    private String emailIndex;

    /** {@link BlindIndex#client}: recognises the client address for flood control. */
    @Column(name = "client_index")
    private String clientIndex;

    /**
     * {@link BlindIndex#bodyFingerprint}: recognises the same text posted again. Recomputed when a
     * moderator edits the body: an unkeyed hash of the old text would confirm a guess of what was redacted.
     */
    @Column(name = "body_fingerprint")
    private String bodyFingerprint;

    /** When a moderator last changed the name, body or website (API.md §5, "Edits"); null unless edited. */
    @Column(name = "edited_at")
    private Instant editedAt;

    /** Bumped on every change; the moderation ETag is derived from it. */
    @Version
    private long version;

    protected Comment() {
        // for JPA
    }

    /** The id of a comment written at {@code at}, for {@link #submitted}: time-ordered ({@link TimeOrderedId}). */
    public static String newId(Instant at) {
        return TimeOrderedId.at(at);
    }

    /**
     * A new comment as submitted, with an id from {@link #newId} (taken before, so the spent captcha
     * can name the comment it creates); {@code status} and {@code reasons} come from the intake rules.
     */
    public static Comment submitted(String id, String articleId, String parentId, String authorName, String email,
            String website, String body, CommentStatus status, List<String> reasons, Instant now,
            String emailIndex, String clientIndex, EmailVault vault) {
        Comment comment = new Comment();
        comment.id = id;
        comment.articleId = articleId;
        comment.parentId = parentId;
        comment.authorName = authorName;
        comment.sealedEmail = vault.seal(email, comment.id);
        comment.website = website;
        comment.body = body;
        comment.status = status;
        comment.reasons = new ArrayList<>(reasons);
        comment.createdAt = now;
        comment.updatedAt = now;
        comment.emailIndex = emailIndex;
        comment.clientIndex = clientIndex;
        comment.bodyFingerprint = BlindIndex.bodyFingerprint(body);
        return comment;
    }

    /**
     * A comment brought in by an import (API.md §8) as its source had it: its own dates and status
     * and, from this service's own export, its id, moderation data, pick and edit time. Intake does
     * not judge it; there is no client fingerprint (imports keep no addresses). Without an email
     * (Disqus's anonymous comments) there is no sealed email and no index either.
     */
    public static Comment imported(Imported from, String emailIndex, EmailVault vault) {
        Comment comment = new Comment();
        comment.id = from.id() != null ? from.id() : TimeOrderedId.at(from.createdAt());
        comment.articleId = from.articleId();
        comment.parentId = from.parentId();
        comment.authorName = from.name();
        comment.sealedEmail = from.email() == null ? null : vault.seal(from.email(), comment.id);
        comment.emailIndex = from.email() == null ? null : emailIndex;
        comment.website = from.website();
        comment.body = from.body();
        comment.status = from.status();
        comment.reasons = new ArrayList<>(from.reasons());
        comment.createdAt = from.createdAt();
        comment.updatedAt = from.updatedAt() != null ? from.updatedAt() : from.createdAt();
        comment.decidedBy = from.decidedBy();
        comment.decidedAt = from.decidedAt();
        comment.decisionReason = from.decisionReason();
        comment.decisionNote = from.decisionNote();
        comment.featured = from.featured() && from.status() == CommentStatus.APPROVED;
        comment.editedAt = from.editedAt();
        comment.bodyFingerprint = BlindIndex.bodyFingerprint(from.body());
        return comment;
    }

    /** What an import knows of a comment; {@code id} null for a new one, the optional fields null when unknown. */
    public record Imported(String id, String articleId, String parentId, String name, String email, String website,
            String body, CommentStatus status, List<String> reasons, Instant createdAt, Instant updatedAt,
            String decidedBy, Instant decidedAt, String decisionReason, String decisionNote, boolean featured,
            Instant editedAt) {
    }

    /**
     * Applies a moderator's decision (the caller has checked it is not already in force), with the
     * reason code and note the moderator gave, if any.
     */
    public void decide(CommentStatus to, String moderator, Instant now, String reason, String note) {
        status = to;
        decidedBy = moderator;
        decidedAt = now;
        decisionReason = reason;
        decisionNote = note;
        updatedAt = now;
        if (to != CommentStatus.APPROVED) {
            featured = false; // a pick leaves with the published list
        }
    }

    /**
     * Unpublishes a comment for moderators to look at again (readers reported it): pending, with the
     * reason added to the intake's. Not a moderator's decision, so the latest decision stays as it was.
     */
    void hold(String reason, Instant now) {
        status = CommentStatus.PENDING;
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
        featured = false;
        updatedAt = now;
    }

    /** Marks or unmarks an editors' pick (the caller has checked the comment is approved). */
    public void feature(boolean featured, Instant now) {
        this.featured = featured;
        updatedAt = now;
    }

    public boolean featured() {
        return featured;
    }

    /**
     * The fields, as the API names them (body, name, website, in that order), whose values differ
     * from these: what {@link #edit} with them would change.
     */
    public List<String> fieldsChangedBy(String name, String body, String website) {
        List<String> changed = new ArrayList<>(3);
        if (!this.body.equals(body)) {
            changed.add("body");
        }
        if (!authorName.equals(name)) {
            changed.add("name");
        }
        if (!Objects.equals(this.website, website)) {
            changed.add("website");
        }
        return changed;
    }

    /**
     * A moderator's edit (API.md §5): the name, body and website the comment is to have, already
     * normalised and validated as at posting. Answers the fields changed ({@link #fieldsChangedBy});
     * when there are none the comment is left untouched, so it is not written and keeps its version.
     */
    public List<String> edit(String name, String body, String website, Instant now) {
        List<String> changed = fieldsChangedBy(name, body, website);
        if (changed.isEmpty()) {
            return changed;
        }
        if (!this.body.equals(body)) {
            this.body = body;
            bodyFingerprint = BlindIndex.bodyFingerprint(body);
        }
        authorName = name;
        this.website = website;
        editedAt = now;
        updatedAt = now;
        return changed;
    }

    public String id() {
        return id;
    }

    public String articleId() {
        return articleId;
    }

    public String parentId() {
        return parentId;
    }

    public String authorName() {
        return authorName;
    }

    /** {@link BlindIndex#email} of the author's email; null once erased. Never shown to anyone. */
    public String emailIndex() {
        return emailIndex;
    }

    public String sealedEmail() {
        return sealedEmail;
    }

    /**
     * Answers an erasure request: the email, its index, the client fingerprint, the name and the
     * website go; a comment still waiting for moderation is rejected rather than published later.
     */
    public void erasePersonalData(String moderator, Instant now) {
        sealedEmail = null;
        emailIndex = null;
        clientIndex = null;
        authorName = "Anonymous";
        website = null;
        if (status == CommentStatus.PENDING) {
            status = CommentStatus.REJECTED;
            decidedBy = moderator;
            decidedAt = now;
            decisionReason = null;
            decisionNote = null;
        }
        updatedAt = now;
    }

    public String website() {
        return website;
    }

    public String body() {
        return body;
    }

    public CommentStatus status() {
        return status;
    }

    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public long version() {
        return version;
    }

    /** Where this comment stands in the keyset order of every list. */
    public Cursor position() {
        return new Cursor(createdAt, id);
    }

    @Override
    public String toString() {
        return "Comment[id=" + id + ", articleId=" + articleId + ", status=" + status + "]";
    }
}
