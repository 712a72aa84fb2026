-- Keyspace `entity`, sixth step: bulk import jobs (issue 14, docs/DECISIONS.md "Bulk import jobs"). A client streams
-- a dump to a job in parts of whole lines; a part's entities are imported, then one update moves committed_line past
-- the part. After a kill the client resumes from committed_line + 1 (lines imported after it again are null edits).
CREATE TABLE import_jobs (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    -- the X-User-ID and X-Edit-Summary every revision of the job carries
    user_id        BIGINT UNSIGNED NOT NULL,
    summary        VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- running until the client sends its last part, then done
    state          VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- the dump's line count when the client knows it (for the ETA), else NULL
    total_lines    BIGINT UNSIGNED NULL,
    -- every line up to this one (1-based, the dump's own numbering) is imported or reported
    committed_line BIGINT UNSIGNED NOT NULL,
    created        BIGINT UNSIGNED NOT NULL,
    updated        BIGINT UNSIGNED NOT NULL,
    unchanged      BIGINT UNSIGNED NOT NULL,
    failed         BIGINT UNSIGNED NOT NULL,
    started_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The bad lines of a job (the first entitybase.entity.imports.max-errors of them): its line number and the error
-- body ({code, message, context}) the line got.
CREATE TABLE import_job_errors (
    job_id BIGINT UNSIGNED NOT NULL,
    line   BIGINT UNSIGNED NOT NULL,
    status SMALLINT UNSIGNED NOT NULL,
    body   TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (job_id, line)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
