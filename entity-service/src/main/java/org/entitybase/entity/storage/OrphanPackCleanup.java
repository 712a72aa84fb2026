package org.entitybase.entity.storage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.OrphanSweep;
import org.entitybase.runtime.worker.WorkerPool;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deletes revision packs ({@code revision/..} in the revisions bucket) that no committed revision references as its
 * content or checkpoint hash: a write that stored its pack and then failed before its commit. entity-service decides
 * from its own revision table; no other service needs to know which revisions are committed.
 */
@ApplicationScoped
public class OrphanPackCleanup {

    private static final String PACK_PREFIX = "revision/";

    private final OrphanSweep sweep;
    private final EntityServiceConfig.Cleanup config;

    OrphanPackCleanup(
            S3Client s3,
            WorkerPool workers,
            EntityReadService reads,
            EntitybaseConfig config,
            EntityServiceConfig entityConfig) {
        this.config = entityConfig.cleanup();
        this.sweep = new OrphanSweep(
                s3, workers, config.s3().revisionsBucket(), PACK_PREFIX, this.config.minAge(), reads::committed);
    }

    /** {@code request}: the optional {@code {"dry_run", "grace_period"}} body. */
    public Uni<ObjectNode> run(byte[] request) {
        return sweep.run(OrphanSweep.Request.parse(request, config.gracePeriod()), orphan -> {});
    }
}
