-- Keyspace `user`: backing tables of the owned consistent_lookup vindexes (deploy/vitess/user.vschema.json). Under
-- Vitess, vtgate writes them with every insert and delete of their owner table, so thanks received (by to_user_id)
-- and the endorsements of one statement (by statement_hash) go to the shards that hold those rows instead of every
-- shard. The service never reads or writes them; on MariaDB without Vitess they stay empty.
CREATE TABLE user_thanks_by_recipient (
    to_user_id  BIGINT UNSIGNED NOT NULL,
    keyspace_id VARBINARY(128) NOT NULL,
    PRIMARY KEY (to_user_id, keyspace_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_statement_endorsements_by_statement (
    statement_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    keyspace_id    VARBINARY(128) NOT NULL,
    PRIMARY KEY (statement_hash, keyspace_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
