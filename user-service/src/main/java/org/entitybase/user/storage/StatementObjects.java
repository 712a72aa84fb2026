package org.entitybase.user.storage;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.storage.StorageErrors;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Whether a statement exists: its immutable object {@code statement/<first 2 hex>/<hash>} in the content bucket
 * (STORAGE.md), which statement-service stores before it counts any revision holding it. Read directly, not through
 * statement-service's API; S3 not answering is a 503 with Retry-After. Found addresses are remembered (immutable).
 */
@ApplicationScoped
public class StatementObjects {

    private static final int REMEMBERED = 100_000;

    private final S3Client s3;
    private final String bucket;
    private final Cache<String, Boolean> found = Caffeine.newBuilder()
            .maximumSize(REMEMBERED)
            .executor(Runnable::run)
            .build();

    StatementObjects(S3Client s3, EntitybaseConfig entitybase) {
        this.s3 = s3;
        this.bucket = entitybase.s3().contentBucket();
    }

    public static String key(String hash) {
        return "statement/" + hash.substring(0, 2) + "/" + hash;
    }

    public Uni<Boolean> exists(String hash) {
        if (found.getIfPresent(hash) != null) {
            return Uni.createFrom().item(true);
        }
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<Boolean> head =
                    Uni.createFrom().item(() -> head(hash)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return caller == null ? head : head.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private boolean head(String hash) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(hash)));
            found.put(hash, Boolean.TRUE);
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false; // HEAD answers carry no error code: a 404 is the missing key
            }
            throw unavailable(hash, e);
        } catch (SdkClientException e) {
            throw unavailable(hash, e);
        }
    }

    private static ApiException unavailable(String hash, Exception cause) {
        return StorageErrors.unavailable("looking up statement " + hash, cause);
    }
}
