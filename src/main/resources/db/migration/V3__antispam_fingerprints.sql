-- What the intake rules need to recognise an author and a repeated comment without storing
-- anything readable: keyed HMACs (blind indexes) of the normalised email and of the client
-- address, and a SHA-256 of the normalised body. Rows from before this migration have none.
ALTER TABLE comment ADD COLUMN email_index VARCHAR(64);
ALTER TABLE comment ADD COLUMN client_index VARCHAR(64);
ALTER TABLE comment ADD COLUMN body_fingerprint VARCHAR(64);
CREATE INDEX comment_email_index_created ON comment (email_index, created_at);
CREATE INDEX comment_client_index_created ON comment (client_index, created_at);

-- A spent captcha remembers the comment it created and a hash of the request that created it,
-- so an identical retry (say, after a network error) gets the original answer back.
ALTER TABLE spent_captcha ADD COLUMN comment_id VARCHAR(36);
ALTER TABLE spent_captcha ADD COLUMN request_hash VARCHAR(64);
