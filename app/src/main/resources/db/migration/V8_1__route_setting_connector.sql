-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The axis connector's endpoint and credentials reference, set through deliver-axis's settings
-- (docs/administration.md). credentials_ref is the NAME of a secret (an environment variable, a
-- file of the secrets directory, a property), never the secret itself.
ALTER TABLE route_setting ADD COLUMN endpoint_url VARCHAR(2048);
ALTER TABLE route_setting ADD COLUMN credentials_ref VARCHAR(128);
