-- stats-workers keeps its figures from entity_change (docs/DECISIONS.md "Daily statistics"). Days are UTC dates of
-- the revision's commit (the event's timestamp). Nothing had written V1's tables: they are reshaped here.

-- Per user, day and entity type (item, property, lexeme, mediainfo).
ALTER TABLE user_daily_stats
    ADD COLUMN entity_type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'item' AFTER user_id,
    ADD COLUMN revision_count INT UNSIGNED NOT NULL DEFAULT 0 AFTER entity_type,
    ADD COLUMN statements_added INT UNSIGNED NOT NULL DEFAULT 0 AFTER entities_created,
    ADD COLUMN statements_removed INT UNSIGNED NOT NULL DEFAULT 0 AFTER statements_added,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (stat_date, user_id, entity_type);

-- Per day: that day's activity, and the totals at its end (filled in when the general job finalises the day).
ALTER TABLE general_daily_stats
    ADD COLUMN revision_count BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER stat_date,
    ADD COLUMN new_users BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER active_users,
    ADD COLUMN redirects_created BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER entities_deleted,
    ADD COLUMN total_mediainfo BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER total_lexemes,
    ADD COLUMN total_statements BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER total_mediainfo,
    ADD COLUMN total_sitelinks BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER total_statements,
    ADD COLUMN total_redirects BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER total_sitelinks,
    ADD COLUMN total_deleted BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER total_redirects,
    ADD COLUMN finalized_at DATETIME(6) NULL AFTER computed_at;

-- Every revision counted (the log the daily jobs finalise from and the rebuild checks), with what it changed in the
-- wiki-wide totals: d_entities (+1/-1 live entities of its type), d_statements, d_sitelinks, d_redirects, d_deleted.
CREATE TABLE stats_revisions (
    entity_id          VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id        BIGINT UNSIGNED NOT NULL,
    entity_type        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    change_type        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id            BIGINT UNSIGNED NOT NULL,
    stat_date          DATE NOT NULL,
    committed_at       DATETIME(6) NOT NULL,
    content_hash       CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_checkpoint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    statements_added   INT UNSIGNED NOT NULL,
    statements_removed INT UNSIGNED NOT NULL,
    d_entities         INT NOT NULL,
    d_statements       INT NOT NULL,
    d_sitelinks        INT NOT NULL,
    d_redirects        INT NOT NULL,
    d_deleted          INT NOT NULL,
    PRIMARY KEY (entity_id, revision_id),
    KEY idx_stats_revisions_date (stat_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each entity's newest counted revision and what it holds (status: live, deleted, redirect).
CREATE TABLE entity_state (
    entity_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    entity_type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id BIGINT UNSIGNED NOT NULL,
    status      VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    statements  INT UNSIGNED NOT NULL,
    sitelinks   INT UNSIGNED NOT NULL,
    PRIMARY KEY (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The day of each user's first revision: "new users" of a day (user-service owns registrations; events only).
CREATE TABLE user_first_edit (
    user_id    BIGINT UNSIGNED NOT NULL,
    first_date DATE NOT NULL,
    PRIMARY KEY (user_id),
    KEY idx_user_first_edit_date (first_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Days that took events since the daily jobs last finalised them.
CREATE TABLE stats_days (
    stat_date            DATE NOT NULL,
    changed_at           DATETIME(6) NOT NULL,
    user_finalized_at    DATETIME(6) NULL,
    general_finalized_at DATETIME(6) NULL,
    PRIMARY KEY (stat_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Dedup of the entity_change consumer by event id (common-runtime's ProcessedEvents).
CREATE TABLE processed_events (
    event_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    KEY idx_processed_events_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per run of a daily job (common-runtime's JobLease): one replica runs each fire time.
CREATE TABLE scheduled_job_runs (
    job_name    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fire_time   DATETIME(6) NOT NULL,
    claimed_by  VARCHAR(255) NOT NULL,
    claimed_at  DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NULL,
    outcome     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    detail      VARCHAR(1000) NULL,
    PRIMARY KEY (job_name, fire_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
