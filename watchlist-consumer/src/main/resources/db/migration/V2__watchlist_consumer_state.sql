-- Issue 12: what the consumer and the notification routes need besides watchlist_notifications.
-- Vitess-compatible: no foreign keys, no procedures (deploy/vitess/user.vschema.json shards each table).

-- Dedup of the entity_change consumer by event id (common-runtime's ProcessedEvents with its own table:
-- user-service's processed_events in the same database records the same events for user-service).
CREATE TABLE watchlist_processed_events (
    event_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    KEY idx_watchlist_processed_events_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The last revision the consumer saw of each watched entity: the parent of the next event, whose revision
-- manifest names the property of every statement that event removes (docs/DECISIONS.md, property filters).
CREATE TABLE watched_entity_heads (
    entity_id          VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id        BIGINT UNSIGNED NOT NULL,
    content_hash       CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_checkpoint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- GET /users/{id}/notifications/unread-count and marking read: a range of one user's unread rows.
ALTER TABLE watchlist_notifications ADD KEY idx_watchlist_notifications_unread (user_id, read_at);
