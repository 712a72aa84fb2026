package org.entitybase.runtime.storage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.pack.Pack;
import org.entitybase.model.pack.PackCodec;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * Revision packs in the revisions bucket (docs/ENTITY-STORAGE.md), behind a cache bounded by bytes: the one reader
 * (and writer) of packs, used by entity-service and by every consumer that reads a revision named by an event. Packs
 * are immutable, so a cached pack never goes stale; concurrent misses on one pack share a single GET. Every S3
 * request is counted in {@code entitybase_s3_requests_total{op=get|put}} (the storage benchmark reads it). A service
 * makes one through a CDI producer with its own cache size.
 */
public class PackStore {

    /** Micrometer name of the S3 request counter (Prometheus: {@code entitybase_s3_requests_total}). */
    public static final String S3_REQUESTS = "entitybase.s3.requests";

    /**
     * A pack is a gzip file. Not sent as {@code Content-Encoding: gzip}: HTTP layers may then inflate it on the way
     * in or out (s3proxy's Jetty drops small gzip-encoded PUTs), and the stored bytes must be exactly the pack's.
     */
    private static final String CONTENT_TYPE = "application/gzip";

    private final S3Objects s3;
    private final String bucket;
    private final WorkerPool workers;
    private final AsyncCache<String, Pack> cache;
    private final Counter gets;
    private final Counter puts;

    /**
     * @param bucket the revisions bucket
     * @param cacheBytes bound of the pack cache (uncompressed bytes)
     */
    public PackStore(S3Objects s3, String bucket, long cacheBytes, WorkerPool workers, MeterRegistry registry) {
        this.s3 = s3;
        this.bucket = bucket;
        this.workers = workers;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<String, Pack>weigher((key, pack) -> (int) Math.min(Integer.MAX_VALUE, pack.rawBytes()))
                .executor(Runnable::run)
                .buildAsync();
        this.gets = counter(registry, "get");
        this.puts = counter(registry, "put");
    }

    private static Counter counter(MeterRegistry registry, String op) {
        return Counter.builder(S3_REQUESTS)
                .description("S3 requests made by the revision pack store")
                .tag("op", op)
                .register(registry);
    }

    /**
     * The pack named by {@code revision}: from the cache, else one GET. A delta pack is decoded with its checkpoint's
     * pack, fetched the same way (once, however many deltas wait for it).
     */
    public Uni<Pack> get(ContentAddress revision) {
        return onCaller(future(revision, null, null));
    }

    /** A revision's pack and its checkpoint's pack (the same one for a checkpoint). */
    public record WithCheckpoint(Pack pack, Pack checkpoint) {}

    /**
     * A revision's pack and, when it is a delta, its checkpoint's pack: a cold read is two GETs in parallel, and the
     * checkpoint fetched for the caller is the one the delta is decoded with (never a second GET, even when the cache
     * is too small to keep it).
     */
    public Uni<WithCheckpoint> getWithCheckpoint(ContentAddress revision, ContentAddress checkpoint) {
        if (checkpoint.equals(revision)) {
            // the row says checkpoint, but the pack's own header is the truth (a later write of the same content
            // on top of another checkpoint stored it under the same key as a delta)
            return get(revision)
                    .flatMap(pack -> pack.isCheckpoint()
                            ? Uni.createFrom().item(new WithCheckpoint(pack, pack))
                            : get(pack.checkpoint()).map(base -> new WithCheckpoint(pack, base)));
        }
        CompletableFuture<Pack> base = future(checkpoint, null, null);
        CompletableFuture<Pack> own = future(revision, checkpoint, base);
        return onCaller(own.thenCombine(base, WithCheckpoint::new)).flatMap(pair -> {
            if (pair.pack().checkpointOrSelf().equals(checkpoint)) {
                return Uni.createFrom().item(pair);
            }
            // the caller's checkpoint was not this pack's: the pack's own header is the truth
            return get(pair.pack().checkpointOrSelf()).map(other -> new WithCheckpoint(pair.pack(), other));
        });
    }

    /** {@code knownCheckpoint} (may be null) is the future of the pack named {@code knownAddress}. */
    private CompletableFuture<Pack> future(
            ContentAddress revision, ContentAddress knownAddress, CompletableFuture<Pack> knownCheckpoint) {
        return cache.get(
                revision.sha256(),
                // async all the way: a step that ran inline here would nest a cache.get inside this computeIfAbsent
                (key, executor) -> CompletableFuture.supplyAsync(() -> fetch(revision), workers.executor())
                        .thenComposeAsync(
                                bytes -> {
                                    ContentAddress checkpoint = PackCodec.checkpointOf(bytes);
                                    if (checkpoint == null) {
                                        return CompletableFuture.completedFuture(decode(revision, bytes, null));
                                    }
                                    if (checkpoint.equals(revision)) {
                                        // would wait for itself forever
                                        throw new IllegalStateException(
                                                "pack " + revision.sha256() + " names itself as its checkpoint");
                                    }
                                    CompletableFuture<Pack> base = checkpoint.equals(knownAddress)
                                            ? knownCheckpoint
                                            : future(checkpoint, null, null);
                                    return base.thenApplyAsync(b -> decode(revision, bytes, b), workers.executor());
                                },
                                workers.executor()));
    }

    private static <T> Uni<T> onCaller(CompletableFuture<T> pack) {
        if (pack.isDone() && !pack.isCompletedExceptionally()) {
            return Uni.createFrom().item(pack.join()); // warm: no thread hop
        }
        return WorkerPool.onCallerContext(Uni.createFrom()
                .completionStage(pack)
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause));
    }

    /**
     * Encodes and PUTs the pack (idempotent: same pack, same bytes, same key), then caches it. A delta pack is encoded
     * against its checkpoint's pack, which the write path has just read (a cache hit).
     */
    public Uni<Void> put(Pack pack) {
        Uni<Pack> checkpoint = pack.isCheckpoint() ? Uni.createFrom().nullItem() : get(pack.checkpoint());
        return checkpoint.flatMap(base -> store(pack, base));
    }

    private Uni<Void> store(Pack pack, Pack checkpoint) {
        return workers.run(() -> {
            byte[] bytes = PackCodec.encode(pack, checkpoint);
            try {
                puts.increment();
                s3.put(
                        bucket,
                        pack.key(),
                        bytes,
                        CONTENT_TYPE,
                        Map.of("checkpoint", pack.checkpointOrSelf().sha256()));
            } catch (S3Objects.S3RequestException e) {
                throw StorageErrors.unavailable(
                        "storing revision " + pack.revision().sha256(), e);
            }
            cache.put(pack.revision().sha256(), CompletableFuture.completedFuture(pack));
            return null;
        });
    }

    /** Total S3 GETs and PUTs of this store since start, for benchmarks. */
    public long getRequests() {
        return (long) gets.count();
    }

    public long putRequests() {
        return (long) puts.count();
    }

    /** Forgets every cached pack (benchmarks measure cold reads with it). */
    public void invalidateCache() {
        cache.synchronous().invalidateAll();
    }

    private byte[] fetch(ContentAddress revision) {
        byte[] bytes;
        try {
            gets.increment();
            bytes = s3.get(bucket, Pack.keyOf(revision));
        } catch (S3Objects.S3RequestException e) {
            throw StorageErrors.unavailable("reading revision " + revision.sha256(), e);
        }
        if (bytes == null) {
            // a committed revision always has its pack: this is lost data or another deployment's address
            throw new MissingPackException(revision);
        }
        return bytes;
    }

    private static Pack decode(ContentAddress revision, byte[] bytes, Pack checkpoint) {
        Pack pack = PackCodec.decode(bytes, checkpoint);
        if (!pack.revision().equals(revision)) {
            throw new IllegalStateException("pack " + revision.sha256() + " holds revision " + pack.revision());
        }
        return pack;
    }
}
