-- The hot queries of the service (as Hibernate sends them, parameters filled in), on the store
-- bench/growth.sh seeded. Each must read a handful of index entries, never the whole table.
-- Run by bench/growth.sh; by hand: psql -d <database> -f bench/explain-postgresql.sql

-- Readers' list, first page and a later page (keyset): CommentRepository.findApprovedByArticle
EXPLAIN ANALYZE SELECT * FROM comment WHERE status = 'approved' AND article_id = 'growth-42'
  ORDER BY article_id, status, created_at, id FETCH FIRST 51 ROWS ONLY;
EXPLAIN ANALYZE SELECT * FROM comment WHERE status = 'approved' AND article_id = 'growth-42'
  AND created_at >= TIMESTAMPTZ '2026-01-05 00:00:00+00' AND (created_at > TIMESTAMPTZ '2026-01-05 00:00:00+00'
       OR id > '00000000-0000-4000-8000-000000000000')
  ORDER BY article_id, status, created_at, id FETCH FIRST 51 ROWS ONLY;
-- Its total: countApprovedByArticle
EXPLAIN ANALYZE SELECT COUNT(*) FROM comment WHERE article_id = 'growth-42' AND status = 'approved';
-- /comment-counts for 100 articles: countApprovedByArticles
EXPLAIN ANALYZE SELECT article_id, COUNT(*) FROM comment WHERE status = 'approved' AND article_id IN ('growth-0','growth-97','growth-194','growth-291','growth-388','growth-485','growth-582','growth-679','growth-776','growth-873','growth-970','growth-1067','growth-1164','growth-1261','growth-1358','growth-1455','growth-1552','growth-1649','growth-1746','growth-1843','growth-1940','growth-2037','growth-2134','growth-2231','growth-2328','growth-2425','growth-2522','growth-2619','growth-2716','growth-2813','growth-2910','growth-3007','growth-3104','growth-3201','growth-3298','growth-3395','growth-3492','growth-3589','growth-3686','growth-3783','growth-3880','growth-3977','growth-4074','growth-4171','growth-4268','growth-4365','growth-4462','growth-4559','growth-4656','growth-4753','growth-4850','growth-4947','growth-5044','growth-5141','growth-5238','growth-5335','growth-5432','growth-5529','growth-5626','growth-5723','growth-5820','growth-5917','growth-6014','growth-6111','growth-6208','growth-6305','growth-6402','growth-6499','growth-6596','growth-6693','growth-6790','growth-6887','growth-6984','growth-7081','growth-7178','growth-7275','growth-7372','growth-7469','growth-7566','growth-7663','growth-7760','growth-7857','growth-7954','growth-8051','growth-8148','growth-8245','growth-8342','growth-8439','growth-8536','growth-8633','growth-8730','growth-8827','growth-8924','growth-9021','growth-9118','growth-9215','growth-9312','growth-9409','growth-9506','growth-9603') GROUP BY article_id;
-- The moderation queue's first page: findQueue
EXPLAIN ANALYZE SELECT * FROM comment WHERE status = 'pending' ORDER BY status, created_at, id FETCH FIRST 51 ROWS ONLY;
-- Intake rules on every post: the flood check (latestFrom), duplicates (hasSameText), trust (authorRecord)
EXPLAIN ANALYZE SELECT MAX(created_at) FROM comment WHERE email_index = 'seed-author-7' AND created_at > TIMESTAMPTZ '2026-01-05 00:00:00+00';
EXPLAIN ANALYZE SELECT MAX(created_at) FROM comment WHERE client_index = 'nobody' AND created_at > TIMESTAMPTZ '2026-01-05 00:00:00+00';
EXPLAIN ANALYZE SELECT id FROM comment WHERE article_id = 'growth-42' AND email_index = 'seed-author-7'
  AND body_fingerprint = 'x' AND created_at > TIMESTAMPTZ '2026-01-05 00:00:00+00' FETCH FIRST 1 ROWS ONLY;
EXPLAIN ANALYZE SELECT status, COUNT(*) FROM comment WHERE email_index = 'seed-author-7' AND status IN ('approved', 'spam') GROUP BY status;
-- Moderation stats: one count per status from the status counters (ModerationService.stats)
EXPLAIN ANALYZE SELECT status, SUM(comments) FROM status_tally GROUP BY status;
