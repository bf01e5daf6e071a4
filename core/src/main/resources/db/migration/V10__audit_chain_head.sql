-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Several bus nodes append to ONE hash chain (docs/auditing.md, "Several writers"): each batch locks
-- this row (SELECT ... FOR UPDATE), chains its records on the head it reads, inserts them and moves
-- the head, in one transaction. The row is the only place where the head is decided, so two nodes
-- can never give out the same seq or chain two records on the same predecessor.
CREATE TABLE audit_chain_head (
    chain_id        SMALLINT      PRIMARY KEY,
    seq             BIGINT        NOT NULL,
    record_hash     CHAR(64)      NOT NULL,
    CONSTRAINT audit_chain_head_one_ck CHECK (chain_id = 1)
);
INSERT INTO audit_chain_head (chain_id, seq, record_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
-- a log written before this version: the head is its last record
UPDATE audit_chain_head
   SET seq = (SELECT MAX(seq) FROM audit_record),
       record_hash = (SELECT r.record_hash FROM audit_record r WHERE r.seq = (SELECT MAX(seq) FROM audit_record))
 WHERE EXISTS (SELECT 1 FROM audit_record);
