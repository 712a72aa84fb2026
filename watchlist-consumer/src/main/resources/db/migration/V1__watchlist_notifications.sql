-- Keyspace `user` (STORAGE.md), watchlist-consumer's table; user-service migrates the others
-- in the same database. Vitess-compatible: no foreign keys, no procedures. Ids are ASCII with
-- binary collation; times are UTC written by the service.

-- One notification per watcher and changed revision.
CREATE TABLE watchlist_notifications (
    -- Vitess: backed by a sequence table once the keyspace is sharded
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    user_id     BIGINT UNSIGNED NOT NULL,
    entity_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id BIGINT UNSIGNED NOT NULL,
    -- the entity_change event's change_type
    change_type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- author of the change
    changed_by  BIGINT UNSIGNED NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    read_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    -- the consumer's dedup: a redelivered event inserts nothing
    UNIQUE KEY uq_watchlist_notifications_event (user_id, entity_id, revision_id),
    -- GET /users/{id}/notifications, newest first
    KEY idx_watchlist_notifications_user (user_id, created_at),
    -- cleanup of old notifications
    KEY idx_watchlist_notifications_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
