package dev.newsroom.comments.event;

import java.util.List;

/** The event types of API.md §6. */
public final class EventTypes {

    public static final String SUBMITTED = "comment.submitted";
    public static final String APPROVED = "comment.approved";
    public static final String REJECTED = "comment.rejected";
    public static final String SPAM = "comment.spam";
    public static final String DELETED = "comment.deleted";
    public static final String EDITED = "comment.edited";
    public static final String FEATURED = "comment.featured";
    public static final String UNFEATURED = "comment.unfeatured";
    public static final String REPORTED = "comment.reported";
    public static final String HELD = "comment.held";
    public static final String ARTICLE_CLOSED = "article.closed";
    public static final String ARTICLE_OPENED = "article.opened";
    public static final String STANDING_CHANGED = "author.standing-changed";
    public static final String SETTINGS_CHANGED = "settings.changed";
    public static final String PRIVACY_ERASED = "privacy.erased";
    public static final String IMPORT_COMPLETED = "import.completed";
    public static final String WEBHOOK_TEST = "webhook.test";

    public static final List<String> ALL = List.of(SUBMITTED, APPROVED, REJECTED, SPAM, DELETED, EDITED, FEATURED,
            UNFEATURED, REPORTED, HELD, ARTICLE_CLOSED, ARTICLE_OPENED, STANDING_CHANGED, SETTINGS_CHANGED,
            PRIVACY_ERASED, IMPORT_COMPLETED, WEBHOOK_TEST);

    private EventTypes() {
    }
}
