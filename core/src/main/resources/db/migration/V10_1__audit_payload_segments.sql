-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Large base64 runs of payloads (attachments) stored once by their own SHA-256, uncompressed
-- (docs/auditing.md, "How payloads are stored"): a payload stored 'SEGMENTS' keeps in
-- audit_payload.content only its compressed skeleton (the bytes outside its segments), and lists its
-- segments, in order, in audit_payload_segment. Retention deletes a segment when no payload lists it.
CREATE TABLE audit_segment (
    sha256          CHAR(64)      PRIMARY KEY,
    size_bytes      BIGINT        NOT NULL,
    content         BYTEA         NOT NULL,
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_payload_segment (
    payload_sha256  CHAR(64)      NOT NULL,
    position        INTEGER       NOT NULL,
    payload_offset  BIGINT        NOT NULL,
    segment_sha256  CHAR(64)      NOT NULL,
    CONSTRAINT audit_payload_segment_pk PRIMARY KEY (payload_sha256, position)
);
CREATE INDEX audit_payload_segment_segment_idx ON audit_payload_segment (segment_sha256);

ALTER TABLE audit_payload DROP CONSTRAINT audit_payload_compression_ck;
ALTER TABLE audit_payload ADD CONSTRAINT audit_payload_compression_ck
    CHECK (compression IN ('NONE', 'DEFLATE', 'SEGMENTS'));
