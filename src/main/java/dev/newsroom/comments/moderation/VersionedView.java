package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.ModerationView;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.ModerationViews;
import dev.newsroom.comments.web.EntityTags;

/** A moderation view with the ETag of the comment version it shows. */
record VersionedView(ModerationView view, String etag) {

    static VersionedView of(Comment comment, ModerationViews views) {
        return new VersionedView(views.of(comment), etagOf(comment));
    }

    static String etagOf(Comment comment) {
        return EntityTags.quote("v" + comment.version());
    }
}
