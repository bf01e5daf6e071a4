-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The handling deadline (MessageHeader/DueDate, QCVN 102:2016) of every document the bus carried
-- that has one, so the statistics can tell a document handled on time (status 06 by that date)
-- from one handled late. One row per document; the first record wins like document_code's.
CREATE TABLE document_due_date (
    sender_id     VARCHAR(64)   NOT NULL,
    document_id   VARCHAR(512)  NOT NULL,
    due_date      DATE          NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT document_due_date_pk PRIMARY KEY (sender_id, document_id)
);

-- The statistics select deliveries and statuses by time.
CREATE INDEX delivery_updated_idx ON delivery (updated_at);
CREATE INDEX document_status_from_idx ON document_status (from_organ_id, sender_id, document_id);
