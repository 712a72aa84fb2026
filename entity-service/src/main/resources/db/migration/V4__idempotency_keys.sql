-- Keyspace `entity`, fourth step: Idempotency-Key (API.md "Idempotency-Key"). One row per (user, key) whose
-- write committed; inserted in that write's own transaction, so an acknowledged create and its key are atomic.
-- A retry with the same key and request gets the stored answer; pruned after
-- entitybase.entity.idempotency.retention (24 h).
CREATE TABLE idempotency_keys (
    -- the X-User-ID the key belongs to (keys are scoped per user; 0 = anonymous)
    user_id         BIGINT UNSIGNED NOT NULL,
    idempotency_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- SHA-256 (hex) of method, path and body: the same key with another request is 422
    request_hash    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    entity_id       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id     BIGINT UNSIGNED NOT NULL,
    -- the first answer: status, its headers (JSON object) and body, replayed as they were
    status          SMALLINT UNSIGNED NOT NULL,
    headers         TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    body            MEDIUMBLOB NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, idempotency_key),
    -- pruning: WHERE created_at < ? LIMIT n
    KEY idx_idempotency_keys_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
