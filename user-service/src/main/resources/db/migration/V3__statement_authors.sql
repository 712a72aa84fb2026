-- Who introduced each statement (content address): the author of the earliest revision whose entity_change event
-- lists it in statements_added. Kept by UserRevisionRecorder; it makes "endorsements received" countable.
-- Sharded by statement_hash in Vitess (the endorsements of a statement live with it in lookups by hash).
CREATE TABLE statement_authors (
    statement_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id        BIGINT UNSIGNED NOT NULL,
    entity_id      VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id    BIGINT UNSIGNED NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (statement_hash),
    KEY idx_statement_authors_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
