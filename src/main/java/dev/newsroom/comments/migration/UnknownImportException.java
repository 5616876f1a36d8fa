package dev.newsroom.comments.migration;

import dev.newsroom.comments.web.ProblemException;

/** GET /admin/imports/{id} of an import that does not exist: 404. */
class UnknownImportException extends ProblemException {

    UnknownImportException() {
        super(404, "Not Found", "There is no import with this id.");
    }
}
