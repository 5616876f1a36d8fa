package dev.newsroom.comments.settings;

import dev.newsroom.comments.web.ProblemException;

/** {@code DELETE /admin/settings/{name}} with a name that is not a setting. */
class UnknownSettingException extends ProblemException {
    UnknownSettingException() {
        super(404, "No such setting", "The settings are moderationPolicy and reportsToHold.");
    }
}
