-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Agency directory: local agencies (seeded, served through the hub) and national ones
-- (synchronised from the axis). channel says how a document reaches the agency.
CREATE TABLE agency (
    organ_id          VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(512) NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    mail              VARCHAR(320),
    token_sha256      VARCHAR(64),
    signature_policy  VARCHAR(32)  NOT NULL DEFAULT 'REJECT_UNSIGNED',
    parent_id         VARCHAR(64),
    source            VARCHAR(16)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agency_channel_ck CHECK (channel IN ('LOCAL', 'AXIS', 'MAIL'))
);

-- Every package the bus accepted, by the bus's own message id.
CREATE TABLE message (
    message_id     VARCHAR(64)  PRIMARY KEY,
    direction      VARCHAR(16)  NOT NULL,
    message_type   VARCHAR(16)  NOT NULL,
    document_id    VARCHAR(512) NOT NULL,
    sender_id      VARCHAR(64)  NOT NULL,
    subject        VARCHAR(2000),
    payload_sha256 VARCHAR(64)  NOT NULL,
    accepted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX message_document_idx ON message (sender_id, document_id);

-- One row per (document, recipient): the delivery ledger that makes delivery idempotent.
CREATE TABLE delivery (
    sender_id     VARCHAR(64)  NOT NULL,
    document_id   VARCHAR(512) NOT NULL,
    recipient_id  VARCHAR(64)  NOT NULL,
    message_type  VARCHAR(16)  NOT NULL,
    dedup_key     VARCHAR(600) NOT NULL,
    channel       VARCHAR(16)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    message_id    VARCHAR(64)  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    remote_id     VARCHAR(128),
    last_error    VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT delivery_pk PRIMARY KEY (sender_id, dedup_key, recipient_id),
    CONSTRAINT delivery_state_ck CHECK (state IN ('QUEUED', 'SENDING', 'UNCERTAIN', 'DELIVERED', 'FAILED'))
);
CREATE INDEX delivery_message_idx ON delivery (message_id);

-- A local agency's pending box: what its document system fetches with GetPendingDocumentIds.
CREATE TABLE pending_document (
    id            VARCHAR(64)  PRIMARY KEY,
    recipient_id  VARCHAR(64)  NOT NULL,
    sender_id     VARCHAR(64)  NOT NULL,
    document_id   VARCHAR(512) NOT NULL,
    dedup_key     VARCHAR(600) NOT NULL,
    message_type  VARCHAR(16)  NOT NULL,
    message_id    VARCHAR(64)  NOT NULL,
    package       BYTEA        NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pending_once UNIQUE (recipient_id, sender_id, dedup_key)
);
CREATE INDEX pending_box_idx ON pending_document (recipient_id, confirmed_at);
