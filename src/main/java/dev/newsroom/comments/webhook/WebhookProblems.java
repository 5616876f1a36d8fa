package dev.newsroom.comments.webhook;

import dev.newsroom.comments.web.ProblemException;

/** The webhook feature's refusals, as problem+json. */
final class WebhookProblems {

    private WebhookProblems() {
    }

    static final class NotFound extends ProblemException {
        NotFound() {
            super(404, "Webhook not found", "There is no webhook with this id.");
        }
    }

    static final class TooMany extends ProblemException {
        TooMany(int max) {
            super(409, "Too many webhooks", "At most " + max + " webhooks can be registered; delete one first.");
        }
    }
}
