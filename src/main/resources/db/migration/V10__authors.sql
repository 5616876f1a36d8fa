-- Authors (API.md §5): one row per email blind index, holding the moderators' standing for that
-- author and the number of their comments in each status. The counts are kept by every write that
-- adds, moves or removes a comment (comment.AuthorTally), so an author's history costs one row to
-- read, however many comments they wrote.
-- author_id is what moderators see: an HMAC of the email index under the service's key
-- (comment.BlindIndex#author). SQL cannot compute it, so rows this migration creates get theirs
-- when the service starts (comment.AuthorIds).
CREATE TABLE author (
    email_index    VARCHAR(64)              NOT NULL PRIMARY KEY,
    author_id      VARCHAR(32),
    standing       VARCHAR(16)              NOT NULL DEFAULT 'normal',
    standing_until TIMESTAMP WITH TIME ZONE,
    standing_note  VARCHAR(1000),
    approved       BIGINT                   NOT NULL DEFAULT 0,
    pending        BIGINT                   NOT NULL DEFAULT 0,
    rejected       BIGINT                   NOT NULL DEFAULT 0,
    spam           BIGINT                   NOT NULL DEFAULT 0,
    first_seen     TIMESTAMP WITH TIME ZONE,
    last_seen      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT author_standing_known CHECK (standing IN ('normal', 'trusted', 'premoderated', 'banned'))
);
CREATE UNIQUE INDEX author_author_id ON author (author_id);

INSERT INTO author (email_index, approved, pending, rejected, spam, first_seen, last_seen)
SELECT email_index,
       SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'spam' THEN 1 ELSE 0 END),
       MIN(created_at), MAX(created_at)
FROM comment WHERE email_index IS NOT NULL GROUP BY email_index;

-- An author's comments, newest first, in keyset order.
DROP INDEX comment_email_index_created;
CREATE INDEX comment_email_index_created ON comment (email_index, created_at, id);

-- Standing changes are audited per author.
ALTER TABLE audit_entry ADD COLUMN author_id VARCHAR(32);
CREATE INDEX audit_entry_author ON audit_entry (author_id, id);
