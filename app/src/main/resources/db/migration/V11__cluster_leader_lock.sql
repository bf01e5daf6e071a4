-- The leader lock of the single-active routes (docs/production.md): Spring Integration's
-- DefaultLockRepository table, as in its schema-postgresql.sql / schema-h2.sql (6.5). A row is one
-- held lock; created_date is renewed by the holder every heartbeat and the row is taken over once
-- it is older than bus.cluster.lock-ttl.
CREATE TABLE int_lock (
    lock_key     CHAR(36)     NOT NULL,
    region       VARCHAR(100) NOT NULL,
    client_id    CHAR(36),
    created_date TIMESTAMP    NOT NULL,
    CONSTRAINT int_lock_pk PRIMARY KEY (lock_key, region)
);
