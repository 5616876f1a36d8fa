-- Reasons on decisions (API.md §5): the reason code and note a moderator may give with approve,
-- reject or spam, kept in the audit trail and, for the latest decision, on the comment with its time.
-- note: at most 1,000 UTF-16 units (@Size in moderation.DecisionReason).
ALTER TABLE audit_entry ADD COLUMN reason VARCHAR(32);
ALTER TABLE audit_entry ADD COLUMN note VARCHAR(1000);
ALTER TABLE comment ADD COLUMN decision_reason VARCHAR(32);
ALTER TABLE comment ADD COLUMN decision_note VARCHAR(1000);
ALTER TABLE comment ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
-- Decisions taken before: their time is the comment's last update, which was the decision then.
UPDATE comment SET decided_at = updated_at WHERE decided_by IS NOT NULL;
