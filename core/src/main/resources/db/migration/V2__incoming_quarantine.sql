-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Packages received from outside (the national axis) and refused: kept whole, with the precise
-- reason the sender was told, for an operator or an auditor. One row per remote package: a
-- refusal whose acknowledgement to the axis was lost is quarantined again under the same row.
CREATE TABLE quarantine (
    id            VARCHAR(64)   PRIMARY KEY,
    source        VARCHAR(16)   NOT NULL,
    remote_id     VARCHAR(128)  NOT NULL,
    sender_id     VARCHAR(64),
    document_id   VARCHAR(512),
    message_type  VARCHAR(16),
    reason_code   VARCHAR(64)   NOT NULL,
    reason_text   VARCHAR(4000) NOT NULL,
    package       BYTEA         NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT quarantine_once UNIQUE (source, remote_id)
);

-- Inbound de-duplication: every accepted received package by (sender, dedup key). A package
-- downloaded again (the axis offers it until acknowledged done) is acknowledged, not re-queued.
CREATE TABLE inbound_receipt (
    sender_id     VARCHAR(64)   NOT NULL,
    dedup_key     VARCHAR(600)  NOT NULL,
    document_id   VARCHAR(512)  NOT NULL,
    message_type  VARCHAR(16)   NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    remote_id     VARCHAR(128)  NOT NULL,
    message_id    VARCHAR(64)   NOT NULL,
    verification  VARCHAR(4000) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT inbound_receipt_pk PRIMARY KEY (sender_id, dedup_key)
);
