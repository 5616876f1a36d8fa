package dev.newsroom.comments.moderation;

import dev.newsroom.comments.web.ProblemException;

/** The comment changed since the moderator loaded it ({@code If-Match} no longer holds). */
class StaleCommentException extends ProblemException {
    StaleCommentException() {
        super(412, "Comment changed", "The comment was changed since you loaded it; reload it and decide again.");
    }
}
