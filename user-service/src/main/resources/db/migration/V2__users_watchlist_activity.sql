-- Issue 11: what the routes need. V1's tables were never written (the service had no routes), so they are
-- reshaped in place. Every table is keyed by the Vitess sharding column first (deploy/vitess/user.vschema.json);
-- a second access path is either a lookup table of its own that the service writes in the same transaction
-- (user_names, entity_watchers, revision_authors) or a plain index that Vitess serves through a lookup vindex.

-- Ids are allocated here (Vitess: a sequence, see deploy/vitess/README.md); PUT /users/{id} imports explicit ids.
ALTER TABLE users MODIFY user_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT;
-- Names are unique ignoring case through user_names; user_name keeps the spelling given.
ALTER TABLE users DROP INDEX uq_users_name;

-- Unique-name lookup: name_key is the name case-folded by the service (UserNames.key).
CREATE TABLE user_names (
    name_key VARCHAR(255) NOT NULL,
    user_id  BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (name_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Watchlist entries carry an optional property filter: property ids separated by commas, NULL = every change.
DROP TABLE user_watchlist;
CREATE TABLE user_watchlist (
    user_id    BIGINT UNSIGNED NOT NULL,
    entity_id  VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    properties VARCHAR(2048) CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Watchers by entity, written in the transaction that writes user_watchlist: the notification consumer finds an
-- entity's watchers in one shard (sharded by entity_id), never by a scatter query.
CREATE TABLE entity_watchers (
    entity_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id   BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (entity_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Endorsements of one statement, newest first and paged by (created_at, user_id).
ALTER TABLE user_statement_endorsements
    DROP INDEX idx_user_statement_endorsements_statement,
    ADD KEY idx_user_statement_endorsements_statement (statement_hash, created_at, user_id);

-- Thanks sent, newest first.
ALTER TABLE user_thanks ADD KEY idx_user_thanks_from (from_user_id, created_at);

-- The revision index, kept from entity_change (UserRevisionRecorder): every revision a user made.
-- change_type is EVENTS.md's name; edit_summary as the event carries it.
CREATE TABLE user_activity (
    user_id            BIGINT UNSIGNED NOT NULL,
    entity_id          VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id        BIGINT UNSIGNED NOT NULL,
    parent_revision_id BIGINT UNSIGNED NULL,
    change_type        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    edit_summary       VARCHAR(1000) NULL,
    redirect_target    VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, entity_id, revision_id),
    -- GET /users/{id}/activity: newest first, cursor (created_at, entity_id, revision_id)
    KEY idx_user_activity_time (user_id, created_at, entity_id, revision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who made each revision (thanks' recipient; whether an entity exists for the watchlist). Sharded by entity_id.
CREATE TABLE revision_authors (
    entity_id   VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id BIGINT UNSIGNED NOT NULL,
    user_id     BIGINT UNSIGNED NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id, revision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
