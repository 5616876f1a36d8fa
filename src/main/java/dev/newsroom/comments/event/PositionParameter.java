package dev.newsroom.comments.event;

import dev.newsroom.comments.web.ProblemException;

/** Parses an event id given back by a client (after=, Last-Event-ID): a non-negative number. */
final class PositionParameter {

    private PositionParameter() {
    }

    /** The position, or null when none was given. */
    static Long parseOrNull(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be an event id returned by this service");
    }
}
