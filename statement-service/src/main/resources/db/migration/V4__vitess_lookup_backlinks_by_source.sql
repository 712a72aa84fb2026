-- Keyspace `statement`: the backing table of the owned consistent_lookup vindex `backlinks_by_source`
-- (deploy/vitess/statement.vschema.json). Under Vitess, vtgate writes it with every insert and delete of
-- entity_backlinks (its owner), so "replace a source's links" (WHERE source_id = ?) goes to the shards that hold
-- them instead of every shard. The service never reads or writes it; on MariaDB without Vitess it stays empty.
CREATE TABLE entity_backlinks_by_source (
    source_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    keyspace_id VARBINARY(128) NOT NULL,
    PRIMARY KEY (source_id, keyspace_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
