package dev.newsroom.comments.moderation;

import dev.newsroom.comments.web.ProblemException;

/** Only a published comment can be featured (API.md §5). */
class NotPublishedException extends ProblemException {
    NotPublishedException() {
        super(409, "Comment not published", "Only a published (approved) comment can be featured.");
    }
}
