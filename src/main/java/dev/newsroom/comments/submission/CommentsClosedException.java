package dev.newsroom.comments.submission;

import dev.newsroom.comments.web.ProblemException;

/** A moderator closed this article to new comments. */
class CommentsClosedException extends ProblemException {
    CommentsClosedException() {
        super(403, "Comments closed", "This article no longer takes new comments.");
    }
}
