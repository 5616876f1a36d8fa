-- How many comments are in each status, kept as the comments change (comment.StatusTally), so
-- /moderation/stats reads 64 rows instead of counting the whole comment table.
-- Each status has 16 slots: a write adds to one slot picked at random, so concurrent posts and
-- decisions, on one instance or several, rarely wait for the same row. A status's count is the sum.
CREATE TABLE status_tally (
    status   VARCHAR(16) NOT NULL,
    slot     SMALLINT    NOT NULL,
    comments BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT status_tally_pk PRIMARY KEY (status, slot),
    CONSTRAINT status_tally_status_known CHECK (status IN ('pending', 'approved', 'rejected', 'spam'))
);
INSERT INTO status_tally (status, slot) VALUES
    ('pending', 0), ('pending', 1), ('pending', 2), ('pending', 3), ('pending', 4), ('pending', 5), ('pending', 6), ('pending', 7),
    ('pending', 8), ('pending', 9), ('pending', 10), ('pending', 11), ('pending', 12), ('pending', 13), ('pending', 14), ('pending', 15),
    ('approved', 0), ('approved', 1), ('approved', 2), ('approved', 3), ('approved', 4), ('approved', 5), ('approved', 6), ('approved', 7),
    ('approved', 8), ('approved', 9), ('approved', 10), ('approved', 11), ('approved', 12), ('approved', 13), ('approved', 14), ('approved', 15),
    ('rejected', 0), ('rejected', 1), ('rejected', 2), ('rejected', 3), ('rejected', 4), ('rejected', 5), ('rejected', 6), ('rejected', 7),
    ('rejected', 8), ('rejected', 9), ('rejected', 10), ('rejected', 11), ('rejected', 12), ('rejected', 13), ('rejected', 14), ('rejected', 15),
    ('spam', 0), ('spam', 1), ('spam', 2), ('spam', 3), ('spam', 4), ('spam', 5), ('spam', 6), ('spam', 7),
    ('spam', 8), ('spam', 9), ('spam', 10), ('spam', 11), ('spam', 12), ('spam', 13), ('spam', 14), ('spam', 15);
-- The comments already stored start slot 0.
UPDATE status_tally SET comments = (SELECT COUNT(*) FROM comment WHERE comment.status = status_tally.status)
WHERE slot = 0;
