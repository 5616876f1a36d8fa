-- Featured comments, editors' picks (API.md §5): only a published comment can be featured, and one
-- that leaves the published list stops being featured.
ALTER TABLE comment ADD COLUMN featured BOOLEAN DEFAULT FALSE NOT NULL;
