-- Keyspace `statement` (STORAGE.md). Vitess-compatible: no foreign keys, no procedures.
-- Ids and hashes are ASCII with binary collation; times are UTC written by the service.

-- One row per content-addressed statement (SHA-256 hex of its canonical JSON).
CREATE TABLE statement_content (
    hash           CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- revisions that reference it (falls only when a revision is purged)
    ref_count      BIGINT UNSIGNED NOT NULL DEFAULT 0,
    -- current heads that contain it (drives most_used)
    head_ref_count BIGINT UNSIGNED NOT NULL DEFAULT 0,
    first_seen     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (hash),
    KEY idx_statement_content_most_used (head_ref_count),
    -- cleanup-orphaned: unreferenced rows older than the grace period
    KEY idx_statement_content_unreferenced (ref_count, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- source_id's head revision has a statement on property_id whose value is target_id.
CREATE TABLE entity_backlinks (
    target_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    property_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- by target: GET /entities/{id}/backlinks
    PRIMARY KEY (target_id, source_id, property_id),
    -- by source: replace a source's links when its head changes
    KEY idx_entity_backlinks_source (source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Backlink counts per target, recomputed by the daily job.
CREATE TABLE backlink_statistics (
    target_id      VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    backlink_count BIGINT UNSIGNED NOT NULL,
    computed_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (target_id),
    KEY idx_backlink_statistics_count (backlink_count)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- entity_change events already applied (at-least-once delivery, effect once).
CREATE TABLE processed_events (
    event_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    -- pruning of old entries
    KEY idx_processed_events_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
