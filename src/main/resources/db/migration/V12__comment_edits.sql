-- Edits (API.md §5): when a moderator last changed a comment's name, body or website, shown to
-- readers and moderators as editedAt; null unless edited (so every comment stored before is unedited).
-- (V10 and V11 are reserved for work under way elsewhere.)
ALTER TABLE comment ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
