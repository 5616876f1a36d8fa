package dev.newsroom.comments.author;

import dev.newsroom.comments.web.ProblemException;

class AuthorNotFoundException extends ProblemException {
    AuthorNotFoundException() {
        super(404, "Author not found", "There is no author with this id.");
    }
}
