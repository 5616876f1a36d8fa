-- Moderation console sessions (API.md §7): only a SHA-256 of the cookie's random token is kept, so a
-- copy of the table opens no session. Deleting an account ends its sessions.
CREATE TABLE console_session (
    token_hash    VARCHAR(64)              NOT NULL PRIMARY KEY,
    username      VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT console_session_account_fk FOREIGN KEY (username) REFERENCES moderator_account (username) ON DELETE CASCADE
);
CREATE INDEX console_session_last_seen ON console_session (last_seen_at);
