-- Site settings (API.md §5): values an administrator set over the API, overriding the
-- environment's defaults on every instance. A setting without a row has its default.
CREATE TABLE site_setting (
    name        VARCHAR(32)              NOT NULL PRIMARY KEY,
    setting_value VARCHAR(32)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)              NOT NULL
);
