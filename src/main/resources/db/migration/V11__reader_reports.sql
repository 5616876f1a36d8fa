-- Reader reports (API.md §5): the open reports of published comments, one per client and comment.
-- reporter is a keyed fingerprint of the client's address (comment.BlindIndex#client), never the
-- address. A decision on the comment closes its reports by deleting them, so this table only ever
-- holds open reports, and the primary key is the "one open report per client" rule.
-- note: at most 500 UTF-16 units (report.ReportRequest).
CREATE TABLE report (
    comment_id VARCHAR(36)              NOT NULL,
    reporter   VARCHAR(64)              NOT NULL,
    reason     VARCHAR(16)              NOT NULL,
    note       VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_pk PRIMARY KEY (comment_id, reporter),
    CONSTRAINT report_comment_fk FOREIGN KEY (comment_id) REFERENCES comment (id) ON DELETE CASCADE,
    CONSTRAINT report_reason_known CHECK (reason IN ('offensive', 'spam', 'off-topic', 'misinformation', 'other'))
);
CREATE INDEX report_created ON report (created_at, comment_id);

-- The reported queue reads these kept values rather than counting reports at read time: how many
-- reports are open on each comment, and when the latest was filed (comment.Reports keeps both,
-- under the comment's row lock). Most reported first is then an index scan.
ALTER TABLE comment ADD COLUMN open_reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comment ADD COLUMN last_reported_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX comment_open_reports ON comment (open_reports, id);
CREATE INDEX comment_last_reported ON comment (last_reported_at);
