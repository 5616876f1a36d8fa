-- Rate limits and login throttling, shared by every instance on the same database: one row per
-- (purpose, client) key, which is stored only as a keyed hash (never an address or a username).
CREATE TABLE rate_counter (
    counter_key VARCHAR(64)              NOT NULL PRIMARY KEY,
    hits        INTEGER                  NOT NULL,
    window_end  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rate_counter_hits_positive CHECK (hits > 0)
);
CREATE INDEX rate_counter_window_end ON rate_counter (window_end);
