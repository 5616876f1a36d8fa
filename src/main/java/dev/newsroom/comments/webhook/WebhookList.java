package dev.newsroom.comments.webhook;

import java.util.List;

/** Every webhook, oldest first (at most comments.webhooks.max-webhooks of them). */
record WebhookList(List<WebhookView> webhooks) {
}
