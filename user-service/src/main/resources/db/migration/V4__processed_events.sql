-- Dedup of the entity_change consumer by event id (common-runtime's ProcessedEvents): the id is inserted in the
-- transaction that records the event, so a redelivery changes nothing. Pruned past entitybase.user.consumer.dedup-retention.
-- Sharded by event_id in Vitess.
CREATE TABLE processed_events (
    event_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    -- pruning of old entries
    KEY idx_processed_events_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
