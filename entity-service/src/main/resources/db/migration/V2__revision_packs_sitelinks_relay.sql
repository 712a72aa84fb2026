-- Keyspace `entity`, second step: what docs/ENTITY-STORAGE.md adds to STORAGE.md's tables,
-- the (site, title) uniqueness of sitelinks, and the outbox relay's lease.

-- A property's datatype, immutable once created: statement checks need no S3 read.
ALTER TABLE entity_head
    ADD COLUMN datatype VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER redirect_target;

-- content_hash names the revision's pack; checkpoint_hash the pack that completes it (itself for a
-- checkpoint), so a cold read issues both GETs at once. checkpoint_revision_id counts revisions since
-- the checkpoint. A delete or redirect revision keeps the content of its parent (content_hash), and a
-- redirect revision names its target.
ALTER TABLE entity_revisions
    ADD COLUMN checkpoint_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL AFTER content_hash,
    ADD COLUMN checkpoint_revision_id BIGINT UNSIGNED NOT NULL AFTER checkpoint_hash,
    ADD COLUMN redirect_target VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER change_type;

-- Sitelinks of current item heads: a (site, title) pair belongs to at most one item (API.md). Kept
-- in the edit's transaction; deleted and redirected items hold none.
CREATE TABLE sitelinks (
    site      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title     VARCHAR(255) NOT NULL,
    entity_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (site, title),
    KEY idx_sitelinks_entity (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per relay: the relay publishing the outbox holds this row locked (SELECT … FOR UPDATE
-- SKIP LOCKED) for the duration of each batch, so one instance at a time publishes and per-entity
-- order holds however many instances run.
CREATE TABLE outbox_relay_lease (
    name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO outbox_relay_lease (name) VALUES ('entity_change');
