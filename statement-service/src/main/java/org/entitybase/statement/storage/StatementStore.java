package org.entitybase.statement.storage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

import org.entitybase.runtime.admission.MemoryBudget;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.storage.S3Objects;
import org.entitybase.runtime.storage.StorageErrors;
import org.entitybase.runtime.worker.WorkerPool;
import org.entitybase.statement.config.StatementServiceConfig;

/**
 * Statement objects in the content bucket at {@code statement/<first 2 hex>/<hash>}: the statement's canonical
 * Wikibase JSON without GUID. One object per address, whichever entities hold the statement; a PUT is idempotent
 * (same address, same bytes). Reads go through a cache bounded by bytes: the content of an address never changes.
 */
@ApplicationScoped
public class StatementStore {

    private final S3Objects s3;
    private final String bucket;
    private final WorkerPool workers;
    private final AsyncCache<String, byte[]> cache;

    StatementStore(
            S3Objects s3,
            WorkerPool workers,
            EntitybaseConfig config,
            StatementServiceConfig statementConfig,
            MemoryBudget budget) {
        this.s3 = s3;
        this.workers = workers;
        this.bucket = config.s3().contentBucket();
        this.cache = Caffeine.newBuilder()
                .maximumWeight(budget.cacheShare(statementConfig.contentCacheShare()))
                .<String, byte[]>weigher((key, json) -> json.length + 64)
                .executor(Runnable::run)
                .buildAsync();
    }

    public static String key(String hash) {
        return "statement/" + hash.substring(0, 2) + "/" + hash;
    }

    /** Stores the statement (blocking: call on a worker thread). */
    public void putBlocking(String hash, byte[] json) {
        try {
            s3.put(bucket, key(hash), json, "application/json", Map.of());
        } catch (S3Objects.S3RequestException e) {
            throw StorageErrors.unavailable("storing statement " + hash, e);
        }
        cache.put(hash, CompletableFuture.completedFuture(json));
    }

    /** The statement's JSON, or null when the bucket has no such object. */
    public Uni<byte[]> get(String hash) {
        CompletableFuture<byte[]> json =
                cache.get(hash, (key, executor) -> CompletableFuture.supplyAsync(() -> fetch(key), workers.executor()));
        if (json.isDone() && !json.isCompletedExceptionally()) {
            return Uni.createFrom().item(json.join());
        }
        return WorkerPool.onCallerContext(Uni.createFrom().completionStage(json))
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause);
    }

    private byte[] fetch(String hash) {
        try {
            return s3.get(bucket, key(hash)); // null when missing: not cached, Caffeine drops null values
        } catch (S3Objects.S3RequestException e) {
            throw StorageErrors.unavailable("reading statement " + hash, e);
        }
    }

    /** Forgets a deleted object. */
    public void forget(String hash) {
        cache.synchronous().invalidate(hash);
    }
}
