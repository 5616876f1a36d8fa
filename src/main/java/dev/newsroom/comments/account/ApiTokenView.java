package dev.newsroom.comments.account;

import java.time.Instant;

/** A token as listed: never the token itself. */
record ApiTokenView(String id, String name, Instant createdAt) {
}
