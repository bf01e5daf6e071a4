-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.
-- The tamper-evident audit log (docs/auditing.md). Append-only: the bus inserts records and never
-- updates or deletes them; retention deletes payload bytes only, the digests stay in the records.

-- One row per step of a message or action of a person. record_hash = SHA-256(prev_hash ||
-- SHA-256(canonical encoding of the fields)); the columns hold exactly the hashed values.
CREATE TABLE audit_record (
    seq             BIGINT        PRIMARY KEY,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    step            VARCHAR(32)   NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    message_id      VARCHAR(600),
    document_id     VARCHAR(600),
    correlation_id  VARCHAR(600),
    route_id        VARCHAR(128),
    sender_id       VARCHAR(600),
    recipient_id    VARCHAR(600),
    actor           VARCHAR(600),
    origin          VARCHAR(600),
    detail          VARCHAR(4000),
    payload_sha256  CHAR(64),
    prev_hash       CHAR(64)      NOT NULL,
    record_hash     CHAR(64)      NOT NULL
);
CREATE INDEX audit_record_document_idx ON audit_record (document_id);
CREATE INDEX audit_record_message_idx ON audit_record (message_id);
CREATE INDEX audit_record_sender_idx ON audit_record (sender_id);
CREATE INDEX audit_record_recipient_idx ON audit_record (recipient_id);
CREATE INDEX audit_record_time_idx ON audit_record (recorded_at);
CREATE INDEX audit_record_payload_idx ON audit_record (payload_sha256);

-- Payloads stored once by the SHA-256 of their exact bytes (compressed when that helps).
CREATE TABLE audit_payload (
    sha256          CHAR(64)      PRIMARY KEY,
    size_bytes      BIGINT        NOT NULL,
    compression     VARCHAR(16)   NOT NULL,
    content         BYTEA         NOT NULL,
    stored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_payload_compression_ck CHECK (compression IN ('NONE', 'DEFLATE'))
);
CREATE INDEX audit_payload_used_idx ON audit_payload (last_used_at);

-- Payloads retention removed: their absence from a bundle or the store is expected, not tampering.
CREATE TABLE audit_payload_pruned (
    sha256          CHAR(64)      PRIMARY KEY,
    pruned_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The chain head signed (CMS) at an interval and on shutdown, with an RFC 3161 timestamp when a
-- TSA is configured.
CREATE TABLE audit_checkpoint (
    seq             BIGINT        PRIMARY KEY,
    head_hash       CHAR(64)      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    signature       BYTEA         NOT NULL,
    timestamp_token BYTEA
);
