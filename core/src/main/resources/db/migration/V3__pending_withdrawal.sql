-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- A document its sender takes back (revocation, BussinessDocType 1, or status 13) before the
-- recipient's document system confirmed it is withdrawn from the pending box instead of deleted:
-- the row stays as evidence of what was received and why it was never handed over.
ALTER TABLE pending_document ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pending_document ADD COLUMN withdrawn_reason VARCHAR(2000);
CREATE INDEX pending_document_idx ON pending_document (sender_id, document_id);
