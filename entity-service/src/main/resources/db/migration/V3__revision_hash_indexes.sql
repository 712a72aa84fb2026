-- Keyspace `entity`, third step: statement-service's orphan cleanup asks which pack keys are committed
-- (POST /internal/revisions/committed). content_hash has its index since V1; checkpoint_hash gets one.
CREATE INDEX idx_entity_revisions_checkpoint ON entity_revisions (checkpoint_hash);
