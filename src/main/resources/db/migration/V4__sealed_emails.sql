-- Emails are stored sealed (AES-256-GCM, see EmailVault) in email_sealed. The old plaintext
-- column is kept only until PlaintextEmailSealing has sealed the rows of earlier versions at
-- startup; no new row writes it.
ALTER TABLE comment ADD COLUMN email_sealed VARCHAR(512);
ALTER TABLE comment ALTER COLUMN email DROP NOT NULL;
