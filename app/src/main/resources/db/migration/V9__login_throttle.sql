-- Failed logins per username ("user:<name>") and per client address ("address:<ip>"), shared by
-- every bus node so that an attacker cannot spread guesses over the nodes (docs/security.md).
-- Times are epoch milliseconds: no time-zone conversion between H2 and PostgreSQL.
CREATE TABLE login_throttle (
    throttle_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    window_start  BIGINT       NOT NULL,
    locked_until  BIGINT
);
