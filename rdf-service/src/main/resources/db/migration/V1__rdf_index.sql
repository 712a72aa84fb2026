-- rdf-service's own keyspace (rdf): where each revision's content lives in S3, derived from entity_change alone and
-- rebuilt by replaying the topic. The diff worker reads a revision's parent here, the RDF routes the head or any
-- revision; the content itself is read from the revisions bucket by these addresses. Sharded by entity_id in Vitess.

-- Every revision the worker processed: (entity, revision) -> its pack's address, what the revision did.
CREATE TABLE rdf_revisions (
    entity_id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id        BIGINT      NOT NULL,
    parent_revision_id BIGINT      NULL,
    -- the manifest's SHA-256 (= pack key) and its checkpoint's (null: a 1.0.0 event, the pack's header names it);
    -- a delete or redirect revision keeps its parent's content
    content_hash       CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_checkpoint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    change_type        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    redirect_target    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    -- the revision's timestamp (event timestamp, ISO-8601 UTC): the RDF's schema:dateModified
    modified           VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (entity_id, revision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The newest processed revision of each entity (a copy of its rdf_revisions row): the current RDF, the summaries of
-- mentioned entities, and what the next event's parent must be.
CREATE TABLE rdf_entities (
    entity_id          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    head_revision_id   BIGINT      NOT NULL,
    content_hash       CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_checkpoint CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    change_type        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    redirect_target    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    modified           VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Dedup of the entity_change consumer by event id (common-runtime's ProcessedEvents), in the transaction that
-- updates the index. Pruned past entitybase.rdf.consumer.dedup-retention. Sharded by event_id in Vitess.
CREATE TABLE processed_events (
    event_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (event_id),
    KEY idx_processed_events_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
