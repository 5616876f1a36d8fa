package dev.newsroom.comments.moderation;

import java.util.List;

/** One page of the audit trail, newest first. */
record AuditPage(List<AuditView> entries, String nextCursor) {
}
