package dev.newsroom.comments.moderation;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.ProblemException;
import java.time.Instant;

/**
 * Where a page of the reported queue ended: the snapshot time whose reports count, and the last
 * comment's report count and id (the queue's order). Travels as an ordinary opaque cursor.
 */
record ReportedPosition(Instant asOf, long reports, String commentId) {

    String encode() {
        return new Cursor(asOf, reports + "-" + commentId).encode();
    }

    static ReportedPosition decodeOrNull(String encoded) {
        Cursor cursor = Cursor.decodeOrNull(encoded);
        if (cursor == null) {
            return null;
        }
        int dash = cursor.id().indexOf('-');
        try {
            String commentId = dash < 0 ? "" : cursor.id().substring(dash + 1);
            long reports = Long.parseLong(cursor.id().substring(0, Math.max(dash, 0)));
            if (!Comment.isWellFormedId(commentId) || reports < 1) {
                throw new NumberFormatException();
            }
            return new ReportedPosition(cursor.createdAt(), reports, commentId);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("cursor", "must be a nextCursor value returned by this service");
        }
    }
}
