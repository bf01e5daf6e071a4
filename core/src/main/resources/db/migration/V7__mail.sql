-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Mails taken from the official mailbox, one row per Message-ID (mail_key = SHA-256 hex of the
-- Message-ID, or of the whole mail when it has none). A mail is moved out of the inbox only after
-- its row is written, so a mail offered again (crash before the move) is recognised, not re-queued.
CREATE TABLE mail_receipt (
    mail_key        VARCHAR(64)   PRIMARY KEY,
    message_id      VARCHAR(998),
    from_address    VARCHAR(320),
    outcome         VARCHAR(16)   NOT NULL,
    bus_message_id  VARCHAR(64),
    quarantine_id   VARCHAR(64),
    detail          VARCHAR(4000),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mail_receipt_outcome_ck CHECK (outcome IN ('QUEUED', 'QUARANTINED', 'BOUNCE', 'IGNORED'))
);

-- What an operator decided about a quarantined item: accepted (with the sender agency chosen)
-- or rejected. One decision per item; the quarantined bytes stay as they were received.
CREATE TABLE quarantine_decision (
    quarantine_id   VARCHAR(64)   PRIMARY KEY,
    decision        VARCHAR(16)   NOT NULL,
    sender_id       VARCHAR(64),
    actor           VARCHAR(128)  NOT NULL,
    reason          VARCHAR(4000),
    bus_message_id  VARCHAR(64),
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT quarantine_decision_fk FOREIGN KEY (quarantine_id) REFERENCES quarantine (id),
    CONSTRAINT quarantine_decision_ck CHECK (decision IN ('ACCEPTED', 'REJECTED'))
);

-- Inbound mails are matched to agencies by their address.
CREATE INDEX agency_mail_idx ON agency (mail);
