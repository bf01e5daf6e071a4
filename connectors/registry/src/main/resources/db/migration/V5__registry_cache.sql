-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The last answer of the national business registry for each code looked up, so that lookups
-- within the configured lifetime do not reach the registry, and a stale answer (marked so, with
-- its age) can be given when the registry is down. The answer is kept as JSON: the bus never
-- queries inside it. No personal data beyond what the registry publishes (the legal
-- representative's name and position).
CREATE TABLE registry_cache (
    code        VARCHAR(16)    PRIMARY KEY,
    kind        VARCHAR(16)    NOT NULL,
    answer      VARCHAR(32000) NOT NULL,
    fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
