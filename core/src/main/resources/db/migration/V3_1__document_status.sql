-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Every business status the bus carried (QCVN 102:2016 status packages: 01-06, 13, 15, 16 and the
-- undocumented codes, kept as they are), indexed by the document it answers, for document
-- tracking. One row per status: (who set it, its de-duplication key: document, code, time).
CREATE TABLE document_status (
    from_organ_id   VARCHAR(64)   NOT NULL,
    dedup_key       VARCHAR(600)  NOT NULL,
    sender_id       VARCHAR(64)   NOT NULL,
    document_id     VARCHAR(512)  NOT NULL,
    response_code   VARCHAR(256),
    status_code     VARCHAR(8)    NOT NULL,
    description     VARCHAR(2000),
    department      VARCHAR(256),
    staff           VARCHAR(256),
    status_time     TIMESTAMP WITH TIME ZONE,
    direction       VARCHAR(16)   NOT NULL,
    message_id      VARCHAR(64)   NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT document_status_pk PRIMARY KEY (from_organ_id, dedup_key)
);
CREATE INDEX document_status_document_idx ON document_status (sender_id, document_id);

-- Listing documents by agency and period.
CREATE INDEX message_accepted_idx ON message (accepted_at);
CREATE INDEX delivery_recipient_idx ON delivery (recipient_id, document_id);
