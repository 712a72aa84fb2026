-- Labels, aliases and descriptions of the head revision of every live item and property, for search and suggest
-- (/w/rest.php/wikibase/v1/search|suggest, action=wbsearchentities). Kept in every commit's transaction; deleted and
-- redirected entities have none. Entities stored before this migration get theirs from POST
-- /internal/entity-terms/rebuild (an edit writes only the terms it changes; docs/DECISIONS.md "Search over a terms
-- index").
CREATE TABLE entity_terms (
    entity_id     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- 'label', 'alias' or 'description'
    term_type     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    language      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- the alias's position in its language; 0 for a label or description
    term_position SMALLINT UNSIGNED NOT NULL,
    -- 'item' or 'property': the search routes are per type
    entity_type   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- the id's number: ties between equal keys go to the lower id
    entity_number BIGINT UNSIGNED NOT NULL,
    term_text     TEXT NOT NULL,
    -- labels and aliases: the text as matched (NFKC, case folded, spaces collapsed), its first 255 characters;
    -- NULL for a description, which is shown but not matched
    match_key     VARCHAR(255) NULL,
    PRIMARY KEY (entity_id, term_type, language, term_position),
    -- exact (=) and prefix (LIKE 'x%') matches of one type and language, read in rank order (key, then id)
    KEY idx_entity_terms_match (entity_type, language, match_key, entity_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
