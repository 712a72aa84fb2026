package org.entitybase.entity.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.repository.IdempotencyRepository;
import org.entitybase.entity.repository.IdempotencyRepository.StoredAnswer;
import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.IdempotencyKeyTaken;
import org.entitybase.entity.service.IdempotentRequest;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code Idempotency-Key} on the POSTs that create (API.md "Idempotency-Key"; docs/DECISIONS.md): keys are scoped
 * per user ({@code X-User-ID}). A retry with the same key and request (method, path, body) gets the first answer
 * (status, headers, body) with {@code Idempotent-Replayed: true}; the same key with another request is 422
 * {@code idempotency-key-reused}. The answer is stored by the write's own commit transaction; answers older than
 * {@code entitybase.entity.idempotency.retention} are forgotten and pruned.
 */
@ApplicationScoped
public class IdempotentWrites {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private static final int PRUNE_BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STORED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ETAG,
            HttpHeaders.LOCATION,
            HttpHeaders.LAST_MODIFIED,
            EditRequests.REVISION_ID);

    private final Pool pool;
    private final IdempotencyRepository answers;
    private final Vertx vertx;
    private final Duration retention;
    private final Duration pruneInterval;
    private long timer = -1;

    IdempotentWrites(Pool pool, IdempotencyRepository answers, Vertx vertx, EntityServiceConfig config) {
        this.pool = pool;
        this.answers = answers;
        this.vertx = vertx;
        this.retention = config.idempotency().retention();
        this.pruneInterval = config.idempotency().pruneInterval();
    }

    /**
     * {@code write} under the request's key (none: just {@code write}), answered by {@code respond}.
     *
     * @param body the request as sent (its hash tells a retry from another request)
     */
    Uni<Response> write(
            EditContext context,
            String key,
            UriInfo uri,
            byte[] body,
            Function<EditContext, Uni<EditResult>> write,
            Function<EditResult, Response> respond) {
        if (key == null) {
            return write.apply(context).map(respond);
        }
        checkKey(key);
        String hash = requestHash(uri.getPath(), body);
        IdempotentRequest request = new IdempotentRequest(key, hash, result -> answer(respond.apply(result)));
        return stored(context.userId(), key).flatMap(first -> {
            if (first != null) {
                return Uni.createFrom().item(replay(first, hash, key));
            }
            return write.apply(context.withIdempotency(request))
                    .map(respond)
                    .onFailure(IdempotencyKeyTaken.class)
                    .recoverWithUni(taken -> stored(context.userId(), key).map(winner -> {
                        if (winner == null) {
                            throw new IllegalStateException("idempotency key " + key + " taken but not stored");
                        }
                        return replay(winner, hash, key);
                    }));
        });
    }

    /** The unexpired answer under the key, or null; an expired one is deleted first (its key is free again). */
    private Uni<StoredAnswer> stored(long userId, String key) {
        Instant cutoff = Instant.now().minus(retention);
        return answers.find(pool, userId, key).flatMap(found -> {
            if (found == null || !found.createdAt().isBefore(cutoff)) {
                return Uni.createFrom().item(found);
            }
            return answers.deleteExpired(pool, userId, key, cutoff).replaceWith((StoredAnswer) null);
        });
    }

    private static Response replay(StoredAnswer first, String hash, String key) {
        if (!first.requestHash().equals(hash)) {
            throw new ApiException(
                    422,
                    "idempotency-key-reused",
                    "Idempotency-Key " + key + " was used for another request (method, path or body differ)",
                    Map.of("idempotency_key", key, "id", first.entityId(), "revision_id", first.revisionId()));
        }
        Response.ResponseBuilder response = Response.status(first.status()).entity(first.body());
        try {
            JSON.readTree(first.headers())
                    .properties()
                    .forEach(h -> response.header(h.getKey(), h.getValue().asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.header(REPLAYED, "true").build();
    }

    /** The answer as stored: the status, the headers a client reads, the body's bytes. */
    static IdempotentRequest.Answer answer(Response response) {
        ObjectNode headers = JSON.createObjectNode();
        for (String name : STORED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (!headers.has(HttpHeaders.CONTENT_TYPE) && response.getMediaType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, response.getMediaType().toString());
        }
        Object entity = response.getEntity();
        byte[] body;
        try {
            body = entity instanceof byte[] bytes
                    ? bytes
                    : entity instanceof JsonNode tree ? JSON.writeValueAsBytes(tree) : new byte[0];
            return new IdempotentRequest.Answer(response.getStatus(), JSON.writeValueAsString(headers), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-255 visible ASCII characters (a UUID, say): anything else is 400. */
    static void checkKey(String key) {
        boolean valid =
                !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (!valid) {
            throw new ApiException(
                    400,
                    "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters",
                    Map.of("header", HEADER));
        }
    }

    /** SHA-256 of the path and body (every route here is a POST). */
    static String requestHash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("POST " + path + "\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                digest.update(body);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- pruning

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(
                Math.max(1000, pruneInterval.toMillis()),
                id -> prune().subscribe().with(deleted -> {}));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes expired answers a batch at a time until a batch comes back short. */
    Uni<Integer> prune() {
        return answers.prune(pool, Instant.now().minus(retention), PRUNE_BATCH)
                .flatMap(deleted ->
                        deleted < PRUNE_BATCH ? Uni.createFrom().item(deleted) : prune().map(more -> deleted + more))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("pruning idempotency keys failed (next try in %s): %s", pruneInterval, failure);
                    return 0;
                });
    }
}
