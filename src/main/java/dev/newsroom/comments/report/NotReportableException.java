package dev.newsroom.comments.report;

import dev.newsroom.comments.web.ProblemException;

/** Only a published comment can be reported (API.md §5); anything else looks like no comment at all. */
class NotReportableException extends ProblemException {
    NotReportableException() {
        super(404, "Comment not found", "There is no published comment with this id.");
    }
}
