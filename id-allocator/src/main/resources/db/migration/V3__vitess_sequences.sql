-- Keyspace `ids`: the sequence tables that feed the AUTO_INCREMENT columns of sharded keyspaces in Vitess
-- (deploy/vitess/*.vschema.json, auto_increment). Vitess reads them through vtgate (COMMENT 'vitess_sequence'; one
-- row, id 0; each vttablet reserves `cache` ids at a time). MariaDB without Vitess never reads them: there the
-- columns' own AUTO_INCREMENT counts. Before a keyspace moves to Vitess, set next_id above the table's largest id.
-- VschemaTest (deploy module) fails when a sharded AUTO_INCREMENT has no sequence created here.

CREATE TABLE outbox_seq (
    id      INT NOT NULL,
    next_id BIGINT NULL,
    cache   BIGINT NULL,
    PRIMARY KEY (id)
) COMMENT 'vitess_sequence';
INSERT INTO outbox_seq (id, next_id, cache) VALUES (0, 1, 1000);

CREATE TABLE user_seq (
    id      INT NOT NULL,
    next_id BIGINT NULL,
    cache   BIGINT NULL,
    PRIMARY KEY (id)
) COMMENT 'vitess_sequence';
INSERT INTO user_seq (id, next_id, cache) VALUES (0, 1, 100);

CREATE TABLE watchlist_notifications_seq (
    id      INT NOT NULL,
    next_id BIGINT NULL,
    cache   BIGINT NULL,
    PRIMARY KEY (id)
) COMMENT 'vitess_sequence';
INSERT INTO watchlist_notifications_seq (id, next_id, cache) VALUES (0, 1, 1000);

CREATE TABLE import_jobs_seq (
    id      INT NOT NULL,
    next_id BIGINT NULL,
    cache   BIGINT NULL,
    PRIMARY KEY (id)
) COMMENT 'vitess_sequence';
INSERT INTO import_jobs_seq (id, next_id, cache) VALUES (0, 1, 10);
