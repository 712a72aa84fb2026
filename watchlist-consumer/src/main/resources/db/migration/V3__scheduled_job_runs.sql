-- One row per run of a scheduled job (common-runtime's JobLease): the replica whose INSERT of (job, fire time) wins
-- runs it; finished_at/outcome say how it ended (NULL finished_at: still running, or its claimant died).
-- IF NOT EXISTS: the `user` database is shared with user-service, which may schedule jobs of its own one day; job
-- names tell the services' runs apart.
CREATE TABLE IF NOT EXISTS scheduled_job_runs (
    job_name    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fire_time   DATETIME(6) NOT NULL,
    claimed_by  VARCHAR(255) NOT NULL,
    claimed_at  DATETIME(6) NOT NULL,
    finished_at DATETIME(6) NULL,
    outcome     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    detail      VARCHAR(1000) NULL,
    PRIMARY KEY (job_name, fire_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
