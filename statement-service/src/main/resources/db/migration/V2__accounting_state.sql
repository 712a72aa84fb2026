-- Accounting state of the entity_change consumer (statement-service README): what each entity's head holds, and
-- every revision counted, so a rebuild can recompute all counts from entity-service.

-- The main snak's property of each statement: GET /statements/most_used?property=
ALTER TABLE statement_content
    ADD COLUMN property_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '' AFTER hash,
    ADD KEY idx_statement_content_property_used (property_id, head_ref_count);

-- The newest revision of each entity applied to the head counts (older ones arriving late only add ref counts).
CREATE TABLE entity_heads (
    entity_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id BIGINT UNSIGNED NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The statements of each head (empty for a deleted entity or a redirect); occurrences = copies in that head.
CREATE TABLE head_statements (
    entity_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    hash        CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    occurrences INT UNSIGNED NOT NULL,
    PRIMARY KEY (entity_id, hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every revision whose statements were counted once (a second event for the same revision counts nothing).
CREATE TABLE seen_revisions (
    entity_id    VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id  BIGINT UNSIGNED NOT NULL,
    content_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    change_type  VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    seen_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id, revision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
