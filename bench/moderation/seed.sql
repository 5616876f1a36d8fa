-- Seed for bench/moderation.sh, run on a freshly migrated database (H2 or PostgreSQL: the script
-- replaces RANGE(n) by the database's row generator, SYSTEM_RANGE or generate_series, whose rows
-- have the column x). Comment ids are made from the row number, so reports can name them.
--   prolific: one author with 50,000 comments over 100 articles (40k approved, 5k pending, 3k rejected, 2k spam)
--   hot:      2,000 published comments with 1-5 open reports each (the reported queue)
--   flood:    10,000 pending comments by 500 authors, with two links each (the bulk by query)
INSERT INTO comment (id, article_id, author_name, body, status, reasons, created_at, updated_at, email_index)
SELECT '00000000-0000-7000-8000-' || LPAD(CAST(r.x AS VARCHAR(12)), 12, '0'), 'article-' || MOD(r.x, 100),
       'Prolific', 'Comment number ' || r.x,
       CASE WHEN r.x <= 40000 THEN 'approved' WHEN r.x <= 45000 THEN 'pending' WHEN r.x <= 48000 THEN 'rejected' ELSE 'spam' END,
       '', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + r.x * INTERVAL '1' SECOND,
       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + r.x * INTERVAL '1' SECOND,
       'prolific-author-email-index'
FROM RANGE(50000) r;

INSERT INTO comment (id, article_id, author_name, body, status, reasons, created_at, updated_at, email_index)
SELECT '00000000-0000-7000-9000-' || LPAD(CAST(r.x AS VARCHAR(12)), 12, '0'), 'hot', 'Reader ' || r.x,
       'A comment readers argue about, number ' || r.x, 'approved', '',
       TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00+00' + r.x * INTERVAL '1' SECOND,
       TIMESTAMP WITH TIME ZONE '2026-02-01 00:00:00+00' + r.x * INTERVAL '1' SECOND,
       'hot-author-' || MOD(r.x, 300)
FROM RANGE(2000) r;

INSERT INTO report (comment_id, reporter, reason, note, created_at)
SELECT '00000000-0000-7000-9000-' || LPAD(CAST(r.x AS VARCHAR(12)), 12, '0'), 'reporter-' || y.x, 'offensive', NULL,
       TIMESTAMP WITH TIME ZONE '2026-02-02 00:00:00+00' + r.x * INTERVAL '1' SECOND
FROM RANGE(2000) r CROSS JOIN RANGE(5) y
WHERE y.x <= 1 + MOD(r.x, 5);
UPDATE comment SET open_reports = (SELECT COUNT(*) FROM report r WHERE r.comment_id = comment.id),
       last_reported_at = (SELECT MAX(r.created_at) FROM report r WHERE r.comment_id = comment.id)
WHERE article_id = 'hot';

INSERT INTO comment (id, article_id, author_name, body, status, reasons, created_at, updated_at, email_index)
SELECT '00000000-0000-7000-a000-' || LPAD(CAST(r.x AS VARCHAR(12)), 12, '0'), 'flood', 'Flooder ' || MOD(r.x, 500),
       'Buy now at http://a.test and www.b.test, offer ' || r.x, 'pending', 'too-many-links',
       TIMESTAMP WITH TIME ZONE '2026-03-01 00:00:00+00' + r.x * INTERVAL '1' SECOND,
       TIMESTAMP WITH TIME ZONE '2026-03-01 00:00:00+00' + r.x * INTERVAL '1' SECOND,
       'flood-author-' || MOD(r.x, 500)
FROM RANGE(10000) r;

-- The kept counts the service would have written (the database was empty): per status, per author.
UPDATE status_tally SET comments = (SELECT COUNT(*) FROM comment WHERE comment.status = status_tally.status)
WHERE slot = 0;
INSERT INTO author (email_index, approved, pending, rejected, spam, first_seen, last_seen)
SELECT email_index,
       SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'spam' THEN 1 ELSE 0 END),
       MIN(created_at), MAX(created_at)
FROM comment WHERE email_index IS NOT NULL GROUP BY email_index;
-- author_id is left null: the service's key derives it when the service starts (comment.AuthorIds).
