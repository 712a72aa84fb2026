package org.entitybase.statement.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.statement.client.EntityServiceClient;
import org.entitybase.statement.config.StatementServiceConfig;
import org.entitybase.statement.repository.StatementRepository;
import org.entitybase.statement.storage.StatementStore;
import org.entitybase.statement.storage.Workers;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code POST /statements/cleanup-orphaned}: deletes S3 objects that nothing committed references and that are older
 * than the grace period. Revision packs ({@code revision/..} in the revisions bucket) are orphans when entity-service
 * has no committed revision with their content hash (a write that stored its pack and then failed); statement objects
 * ({@code statement/..} in the content bucket) when no statement_content row with ref_count &gt; 0 has their address.
 * Each candidate is checked again right before its deletion, and nothing younger than {@code cleanup.min-age} is ever
 * deleted, whatever grace the caller asks for.
 */
@ApplicationScoped
public class OrphanCleanup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACK_PREFIX = "revision/";
    private static final String STATEMENT_PREFIX = "statement/";

    private final S3Client s3;
    private final Pool pool;
    private final EntityServiceClient entities;
    private final StatementRepository statements;
    private final StatementStore store;
    private final String revisionsBucket;
    private final String contentBucket;
    private final Duration defaultGrace;
    private final Duration minAge;

    OrphanCleanup(
            S3Client s3,
            Pool pool,
            EntityServiceClient entities,
            StatementRepository statements,
            StatementStore store,
            EntitybaseConfig config,
            StatementServiceConfig statementConfig) {
        this.s3 = s3;
        this.pool = pool;
        this.entities = entities;
        this.statements = statements;
        this.store = store;
        this.revisionsBucket = config.s3().revisionsBucket();
        this.contentBucket = config.s3().contentBucket();
        this.defaultGrace = statementConfig.cleanup().gracePeriod();
        this.minAge = statementConfig.cleanup().minAge();
    }

    public Duration defaultGrace() {
        return defaultGrace;
    }

    /** One object found old and unreferenced. */
    record Orphan(String bucket, String key, Instant lastModified, long size) {
        String hash() {
            return key.substring(key.lastIndexOf('/') + 1);
        }
    }

    public Uni<ObjectNode> run(boolean dryRun, Duration grace) {
        Duration effective = grace.compareTo(minAge) < 0 ? minAge : grace;
        Instant cutoff = Instant.now().minus(effective);
        int[] scanned = new int[1];
        return Workers.run(() -> {
                    List<Orphan> packs = list(revisionsBucket, PACK_PREFIX, cutoff, scanned);
                    List<Orphan> objects = list(contentBucket, STATEMENT_PREFIX, cutoff, scanned);
                    return List.of(packs, objects);
                })
                .flatMap(found -> uncommittedPacks(found.get(0))
                        .flatMap(packOrphans -> unreferencedStatements(found.get(1))
                                .flatMap(statementOrphans -> {
                                    List<Orphan> orphans = new ArrayList<>(packOrphans);
                                    orphans.addAll(statementOrphans);
                                    if (dryRun || orphans.isEmpty()) {
                                        return Uni.createFrom()
                                                .item(report(dryRun, grace, effective, scanned[0], orphans, 0));
                                    }
                                    return delete(packOrphans, statementOrphans)
                                            .map(deleted ->
                                                    report(dryRun, grace, effective, scanned[0], orphans, deleted));
                                })));
    }

    private Uni<List<Orphan>> uncommittedPacks(List<Orphan> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return entities.committed(candidates.stream().map(Orphan::hash).toList())
                .map(committed -> candidates.stream()
                        .filter(o -> !committed.contains(o.hash()))
                        .toList());
    }

    private Uni<List<Orphan>> unreferencedStatements(List<Orphan> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return statements
                .referenced(pool, candidates.stream().map(Orphan::hash).toList())
                .map(referenced -> candidates.stream()
                        .filter(o -> !referenced.contains(o.hash()))
                        .toList());
    }

    /** Checks every orphan again (a write may have committed since) and deletes those still orphans. */
    private Uni<Integer> delete(List<Orphan> packs, List<Orphan> objects) {
        return uncommittedPacks(packs)
                .flatMap(stillPacks -> unreferencedStatements(objects)
                        .flatMap(stillObjects -> Workers.run(() -> {
                            int deleted = 0;
                            for (Orphan o : stillPacks) {
                                deleted += deleteObject(o);
                            }
                            for (Orphan o : stillObjects) {
                                deleted += deleteObject(o);
                                store.forget(o.hash());
                            }
                            return deleted;
                        })));
    }

    private int deleteObject(Orphan o) {
        try {
            s3.deleteObject(b -> b.bucket(o.bucket()).key(o.key()));
            Log.infof("cleanup-orphaned deleted s3://%s/%s (%s)", o.bucket(), o.key(), o.lastModified());
            return 1;
        } catch (SdkClientException | S3Exception e) {
            throw StatementStore.unavailable("deleting " + o.key(), e);
        }
    }

    private List<Orphan> list(String bucket, String prefix, Instant cutoff, int[] scanned) {
        List<Orphan> out = new ArrayList<>();
        try {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
                for (S3Object object : page.contents()) {
                    scanned[0]++;
                    String hash = object.key().substring(object.key().lastIndexOf('/') + 1);
                    if (object.lastModified().isBefore(cutoff) && hash.matches("[0-9a-f]{64}")) {
                        out.add(new Orphan(bucket, object.key(), object.lastModified(), object.size()));
                    }
                }
            }
        } catch (SdkClientException | S3Exception e) {
            throw StatementStore.unavailable("listing " + bucket, e);
        }
        return out;
    }

    private static ObjectNode report(
            boolean dryRun, Duration grace, Duration effective, int scanned, List<Orphan> orphans, int deleted) {
        ObjectNode out = JSON.createObjectNode()
                .put("dry_run", dryRun)
                .put("grace_period", grace.toString())
                .put("effective_grace_period", effective.toString())
                .put("scanned", scanned);
        ArrayNode list = out.putArray("orphans");
        orphans.forEach(o -> list.addObject()
                .put("bucket", o.bucket())
                .put("key", o.key())
                .put("last_modified", o.lastModified().toString())
                .put("size", o.size()));
        out.put("deleted", deleted);
        return out;
    }
}
