-- Keyspace `user` (STORAGE.md), user-service's tables. watchlist_notifications lives in the same
-- database but belongs to watchlist-consumer's own migrations (its own Flyway history table).
-- Vitess-compatible: no foreign keys, no procedures. Ids and hashes are ASCII with binary
-- collation; times are UTC written by the service.

CREATE TABLE users (
    -- the X-User-ID of edits (0 = anonymous is never stored)
    user_id    BIGINT UNSIGNED NOT NULL,
    user_name  VARCHAR(255) NULL,
    is_bot     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    UNIQUE KEY uq_users_name (user_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- from_user_id thanked to_user_id for a revision; once per (user, revision).
CREATE TABLE user_thanks (
    from_user_id BIGINT UNSIGNED NOT NULL,
    entity_id    VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id  BIGINT UNSIGNED NOT NULL,
    to_user_id   BIGINT UNSIGNED NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (from_user_id, entity_id, revision_id),
    -- thanks received
    KEY idx_user_thanks_to (to_user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_statement_endorsements (
    user_id        BIGINT UNSIGNED NOT NULL,
    -- content address of the statement (SHA-256 hex)
    statement_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, statement_hash),
    -- GET /statements/{hash}/endorsements
    KEY idx_user_statement_endorsements_statement (statement_hash, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_watchlist (
    user_id    BIGINT UNSIGNED NOT NULL,
    entity_id  VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, entity_id),
    -- watchlist-consumer: who watches the entity that just changed
    KEY idx_user_watchlist_entity (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
