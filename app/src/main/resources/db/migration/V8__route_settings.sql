-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Route settings an administrator changed through the admin API (/api/admin/routes/{id}/settings),
-- re-applied at every start over the configuration's values. A NULL column keeps the
-- configuration's value. stopped: an operator stopped the route and it stays stopped after a
-- restart until someone starts it.
CREATE TABLE route_setting (
    route_id              VARCHAR(128) PRIMARY KEY,
    poll_interval_ms      BIGINT,
    max_redeliveries      INTEGER,
    redelivery_delay_ms   BIGINT,
    backoff_multiplier    DOUBLE PRECISION,
    max_redelivery_delay_ms BIGINT,
    enabled_channels      VARCHAR(64),
    stopped               BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(128) NOT NULL
);
