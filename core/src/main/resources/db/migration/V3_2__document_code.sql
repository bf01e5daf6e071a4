-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The number/notation (số, ký hiệu) of every document the bus carried, so that a status naming
-- its document only by ResponseFor/Code (no DocumentId, as some producers send) is matched to it
-- by (sender organ, recipient organ, code), as QCVN 102:2016 status packages are.
CREATE TABLE document_code (
    sender_id          VARCHAR(64)   NOT NULL,
    document_id        VARCHAR(512)  NOT NULL,
    code               VARCHAR(256)  NOT NULL,
    promulgation_date  VARCHAR(16),
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT document_code_pk PRIMARY KEY (sender_id, document_id)
);
CREATE INDEX document_code_idx ON document_code (sender_id, code);
