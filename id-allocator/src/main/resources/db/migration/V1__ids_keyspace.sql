-- Keyspace `ids` (STORAGE.md). Vitess-compatible: no foreign keys, no procedures.
-- Times are UTC written by the service.

-- Ranges of numeric entity ids handed to entity-service instances. Ranges of one type
-- never overlap; a claimed range is never handed out again, even after a crash (gaps are fine).
CREATE TABLE id_ranges (
    -- item | property | lexeme | mediainfo ...
    entity_type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- first and last id of the range, inclusive
    range_start BIGINT UNSIGNED NOT NULL,
    range_end   BIGINT UNSIGNED NOT NULL,
    -- the instance that claimed it
    owner       VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- claimed | exhausted
    state       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    claimed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_type, range_start),
    -- the next range starts after the highest end of its type
    KEY idx_id_ranges_end (entity_type, range_end),
    KEY idx_id_ranges_owner (owner, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
