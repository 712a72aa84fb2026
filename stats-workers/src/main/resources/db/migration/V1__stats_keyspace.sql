-- Keyspace `stats` (STORAGE.md). Vitess-compatible: no foreign keys, no procedures.
-- Days are UTC dates.

-- Per user and day: what the user did (from entity_change events).
CREATE TABLE user_daily_stats (
    stat_date        DATE NOT NULL,
    user_id          BIGINT UNSIGNED NOT NULL,
    edit_count       INT UNSIGNED NOT NULL DEFAULT 0,
    entities_created INT UNSIGNED NOT NULL DEFAULT 0,
    updated_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (stat_date, user_id),
    -- GET /users/{id}/activity-style queries over a user's days
    KEY idx_user_daily_stats_user (user_id, stat_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Wiki-wide figures per day, computed by the 02:00 job.
CREATE TABLE general_daily_stats (
    stat_date        DATE NOT NULL,
    edit_count       BIGINT UNSIGNED NOT NULL DEFAULT 0,
    entities_created BIGINT UNSIGNED NOT NULL DEFAULT 0,
    entities_deleted BIGINT UNSIGNED NOT NULL DEFAULT 0,
    active_users     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    -- totals at the end of the day
    total_items      BIGINT UNSIGNED NOT NULL DEFAULT 0,
    total_properties BIGINT UNSIGNED NOT NULL DEFAULT 0,
    total_lexemes    BIGINT UNSIGNED NOT NULL DEFAULT 0,
    computed_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (stat_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
