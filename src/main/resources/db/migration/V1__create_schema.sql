-- Schema of the comment service. Portable SQL: the same migrations run on H2 and PostgreSQL.
-- Column sizes match the validation rules; text columns allow two UTF-16 units per character
-- because H2 measures VARCHAR in UTF-16 units and an emoji takes two.

CREATE TABLE comment (
    id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    article_id  VARCHAR(128)             NOT NULL,
    parent_id   VARCHAR(36),
    author_name VARCHAR(200)             NOT NULL,
    email       VARCHAR(254)             NOT NULL,
    website     VARCHAR(200),
    body        VARCHAR(20000)           NOT NULL,
    status      VARCHAR(16)              NOT NULL,
    reasons     VARCHAR(2000)            NOT NULL DEFAULT '',
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by  VARCHAR(64),
    version     BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT comment_status_known CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
    CONSTRAINT comment_parent_fk FOREIGN KEY (parent_id) REFERENCES comment (id) ON DELETE SET NULL
);

-- Readers' lists and counts: one article's comments in one status, in keyset order.
CREATE INDEX comment_article_status_created ON comment (article_id, status, created_at, id);
-- The moderation queue across all articles.
CREATE INDEX comment_status_created ON comment (status, created_at, id);
CREATE INDEX comment_parent ON comment (parent_id);

-- Redeemed captcha challenges: the primary key makes each token single-use across instances.
CREATE TABLE spent_captcha (
    challenge_id VARCHAR(32)              NOT NULL PRIMARY KEY,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX spent_captcha_expires ON spent_captcha (expires_at);

CREATE TABLE moderator_account (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100)             NOT NULL,
    role          VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT moderator_account_role_known CHECK (role IN ('moderator', 'admin'))
);

-- Secrets the service generated for itself when the deployment configured none.
CREATE TABLE service_secret (
    name         VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_value VARCHAR(128)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
