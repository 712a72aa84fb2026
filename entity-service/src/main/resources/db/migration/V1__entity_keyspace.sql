-- Keyspace `entity` (STORAGE.md). Vitess-compatible: no foreign keys, no procedures.
-- Ids and hashes are ASCII with binary collation: exact, case-sensitive matches and index
-- keys a quarter the size of utf8mb4. Free text is utf8mb4 with binary collation.
-- Times are UTC, written by the service (DATETIME(6): no time-zone conversion, no 2038 limit).

-- The current revision of every entity; the compare-and-set target of each edit.
CREATE TABLE entity_head (
    entity_id        VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    head_revision_id BIGINT UNSIGNED NOT NULL,
    is_deleted       BOOLEAN NOT NULL DEFAULT FALSE,
    is_redirect      BOOLEAN NOT NULL DEFAULT FALSE,
    redirect_target  VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    updated_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per immutable revision; content_hash names the revision object in S3.
CREATE TABLE entity_revisions (
    entity_id          VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id        BIGINT UNSIGNED NOT NULL,
    parent_revision_id BIGINT UNSIGNED NULL,
    content_hash       CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_id            BIGINT UNSIGNED NOT NULL,
    edit_summary       VARCHAR(500) NOT NULL DEFAULT '',
    -- create|edit|delete|undelete|redirect|unredirect|revert|protect (EVENTS.md)
    change_type        VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at         DATETIME(6) NOT NULL,
    -- bytes of the entity's canonical JSON
    size               INT UNSIGNED NOT NULL,
    PRIMARY KEY (entity_id, revision_id),
    KEY idx_entity_revisions_user (user_id, created_at),
    KEY idx_entity_revisions_content (content_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Protection flags (API.md "Protection"); no row = unprotected.
CREATE TABLE metadata (
    entity_id           VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    semi_protected      BOOLEAN NOT NULL DEFAULT FALSE,
    locked              BOOLEAN NOT NULL DEFAULT FALSE,
    mass_edit_protected BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at          DATETIME(6) NOT NULL,
    PRIMARY KEY (entity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Current redirects: from_id now points to to_id (set by revision_id of from_id).
CREATE TABLE entity_redirects (
    from_id     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    to_id       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    revision_id BIGINT UNSIGNED NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (from_id),
    -- what redirects here (chains, merges, revert-redirect)
    KEY idx_entity_redirects_to (to_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Lookup of lexemes by lemma and form representation, per language, of the head revision.
CREATE TABLE lexeme_terms (
    lexeme_id VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- 'lemma' (term_owner = lexeme id) or 'representation' (term_owner = form id, L1-F1)
    term_type  VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    term_owner VARCHAR(48) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    language   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    term_text  VARCHAR(255) NOT NULL,
    PRIMARY KEY (lexeme_id, term_type, term_owner, language),
    KEY idx_lexeme_terms_text (language, term_text)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Transactional outbox: an entity_change event is inserted in the edit's transaction and
-- published to Kafka by the relay, which then sets sent_at.
CREATE TABLE outbox (
    -- Vitess: backed by a sequence table once the keyspace is sharded
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    -- Kafka record key: the entity id, so events of one entity stay in order
    event_key  VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    payload    MEDIUMTEXT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    sent_at    DATETIME(6) NULL,
    PRIMARY KEY (id),
    -- the relay's poll: WHERE sent_at IS NULL ORDER BY id LIMIT n (unsent rows sort first)
    KEY idx_outbox_unsent (sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
