-- Issue 16: the audit log of privileged actions (protection, deletion, import, cleanup, API keys), admitted or refused,
-- as the gateway publishes them on the audit topic (docs/AUDIT-EVENTS.md). audit_id is the record's own id, so a
-- redelivered record is not stored twice; lists run newest first by (recorded_at, audit_id).
CREATE TABLE audit_log (
    audit_id    CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    user_id     BIGINT UNSIGNED NOT NULL,
    roles       VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    credential  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    method      VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    path        VARCHAR(2048) NOT NULL,
    route       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status      SMALLINT UNSIGNED NOT NULL,
    request_id  VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
    client_ip   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (audit_id),
    KEY idx_audit_log_time (recorded_at, audit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
