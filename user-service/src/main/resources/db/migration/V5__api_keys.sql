-- Issue 16: API keys for bots, each bound to a user and roles. The key (ebk_<key_id>_<secret>) is shown once, at
-- creation; only the SHA-256 of the whole key is kept. key_id is public: it finds the row in one shard (sharded by
-- key_id, deploy/vitess/user.vschema.json) and names the key in lists and revocation. A revoked key keeps its row.
CREATE TABLE api_keys (
    key_id     CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    key_sha256 BINARY(32) NOT NULL,
    user_id    BIGINT UNSIGNED NOT NULL,
    roles      VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(255) NOT NULL,
    created_by BIGINT UNSIGNED NOT NULL,
    created_at DATETIME(6) NOT NULL,
    revoked_by BIGINT UNSIGNED NULL,
    revoked_at DATETIME(6) NULL,
    PRIMARY KEY (key_id),
    KEY idx_api_keys_user (user_id, key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
