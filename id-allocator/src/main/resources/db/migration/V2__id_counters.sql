-- Keyspace `ids`: the counter that makes id ranges disjoint across any number of allocator instances.
-- Vitess-compatible: no foreign keys, no procedures. Times are UTC written by the service.

-- One row per entity type: the first id that no range covers yet. A claim locks its type's row
-- (SELECT ... FOR UPDATE), takes [next_id, next_id + size - 1], advances next_id and records the range
-- in id_ranges, all in one transaction: claims of one type are serialized by the row lock, so two ranges
-- never overlap. A range claimed by an instance that then dies is a gap, never handed out again.
-- Rows are created on a type's first claim (next_id 1).
CREATE TABLE id_counters (
    -- item | property | lexeme
    entity_type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    next_id     BIGINT UNSIGNED NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Ranges recorded before the counters existed stay below them.
INSERT INTO id_counters (entity_type, next_id, updated_at)
SELECT entity_type, MAX(range_end) + 1, UTC_TIMESTAMP(6)
FROM id_ranges
GROUP BY entity_type;

-- id_ranges.state, beside V1's claimed | exhausted: `reserved` = skipped by POST /internal/id-ranges/reserve
-- (imports that keep their ids). Together the rows of a type cover [1, id_counters.next_id) without overlap.
