package dev.newsroom.comments.moderation;

import dev.newsroom.comments.web.ProblemException;

class CommentNotFoundException extends ProblemException {
    CommentNotFoundException() {
        super(404, "Comment not found", "There is no comment with this id.");
    }
}
