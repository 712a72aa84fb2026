package org.entitybase.statement.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.OrphanSweep;
import org.entitybase.runtime.worker.WorkerPool;
import org.entitybase.statement.config.StatementServiceConfig;
import org.entitybase.statement.repository.StatementRepository;
import org.entitybase.statement.storage.StatementStore;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code POST /statements/cleanup-orphaned}: deletes statement objects ({@code statement/..} in the content bucket)
 * that no statement_content row with ref_count &gt; 0 has, once older than the grace period. statement-service decides
 * from its own tables alone; orphan revision packs are entity-service's (its {@code /internal/revisions/cleanup-orphaned}).
 */
@ApplicationScoped
public class OrphanCleanup {

    private static final String STATEMENT_PREFIX = "statement/";

    private final OrphanSweep sweep;
    private final StatementStore store;
    private final Duration defaultGrace;

    OrphanCleanup(
            S3Client s3,
            Pool pool,
            StatementRepository statements,
            StatementStore store,
            WorkerPool workers,
            EntitybaseConfig config,
            StatementServiceConfig statementConfig) {
        this.store = store;
        this.defaultGrace = statementConfig.cleanup().gracePeriod();
        this.sweep = new OrphanSweep(
                s3,
                workers,
                config.s3().contentBucket(),
                STATEMENT_PREFIX,
                statementConfig.cleanup().minAge(),
                hashes -> statements.referenced(pool, hashes));
    }

    public Uni<ObjectNode> run(byte[] request) {
        return sweep.run(OrphanSweep.Request.parse(request, defaultGrace), orphan -> store.forget(orphan.hash()));
    }
}
