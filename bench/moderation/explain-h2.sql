-- The plans of the reported queue's queries on the seeded store (bench/moderation.sh --explain).
EXPLAIN ANALYZE select c.id, c.open_reports, c.status, c.article_id, c.last_reported_at from comment c where c.open_reports > 0 order by c.open_reports desc, c.id desc LIMIT 200;
EXPLAIN ANALYZE select r.comment_id, count(*) from report r where r.created_at <= TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00' and r.comment_id in (select c.id from comment c where c.last_reported_at > TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00') group by r.comment_id;
