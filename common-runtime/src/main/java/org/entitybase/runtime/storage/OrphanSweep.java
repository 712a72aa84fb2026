package org.entitybase.runtime.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.json.StrictJson;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.worker.WorkerPool;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes content-addressed S3 objects (keys ending in 64 hex digits) under one prefix that nothing committed uses
 * and that are older than a grace period: a write stores its object first and commits it milliseconds later, so a
 * young object is never deleted ({@code minAge} is the floor under any requested grace), and every candidate is
 * checked again right before its deletion. The owner of the objects decides what is in use from its own tables:
 * entity-service for revision packs, statement-service for statement objects.
 */
public final class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final WorkerPool workers;
    private final String bucket;
    private final String prefix;
    private final Duration minAge;
    private final Function<List<String>, Uni<Set<String>>> inUse;

    /** @param inUse which of the given hashes something committed uses (never an orphan) */
    public OrphanSweep(
            S3Client s3,
            WorkerPool workers,
            String bucket,
            String prefix,
            Duration minAge,
            Function<List<String>, Uni<Set<String>>> inUse) {
        this.s3 = s3;
        this.workers = workers;
        this.bucket = bucket;
        this.prefix = prefix;
        this.minAge = minAge;
        this.inUse = inUse;
    }

    /** A cleanup request: {@code {"dry_run": true, "grace_period": "PT24H"}}, both optional (those defaults). */
    public record Request(boolean dryRun, Duration grace) {

        /** The request in {@code body} (may be empty); 400 with the error body for what is not one. */
        public static Request parse(byte[] body, Duration defaultGrace) {
            boolean dryRun = true;
            Duration grace = defaultGrace;
            if (body == null || new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
                return new Request(dryRun, grace);
            }
            JsonNode request;
            try {
                request = StrictJson.readTree(body);
            } catch (WikibaseJsonException e) {
                throw new ApiException(
                        400, e.code(), "the body is not JSON: " + e.getMessage(), Map.of("path", e.path()));
            }
            if (request == null || request.isNull() || request.isMissingNode()) {
                return new Request(dryRun, grace);
            }
            if (!request.isObject()) {
                throw new ApiException(400, "invalid-body", "the body is a JSON object", Map.of());
            }
            JsonNode d = request.get("dry_run");
            if (d != null && !d.isNull()) {
                if (!d.isBoolean()) {
                    throw invalid("dry_run", d, "dry_run is true or false");
                }
                dryRun = d.asBoolean();
            }
            JsonNode g = request.get("grace_period");
            if (g != null && !g.isNull()) {
                String message = "grace_period is an ISO-8601 duration such as PT24H";
                if (!g.isTextual()) {
                    throw invalid("grace_period", g, message);
                }
                try {
                    grace = Duration.parse(g.asText());
                } catch (DateTimeParseException e) {
                    throw invalid("grace_period", g.asText(), message);
                }
                if (grace.isNegative()) {
                    throw invalid("grace_period", g.asText(), message);
                }
            }
            return new Request(dryRun, grace);
        }

        private static ApiException invalid(String name, Object value, String message) {
            return new ApiException(
                    400, "invalid-parameter", message, Map.of("parameter", name, "value", String.valueOf(value)));
        }
    }

    /** One object found old and unused. */
    public record Orphan(String bucket, String key, Instant lastModified, long size) {
        public String hash() {
            return key.substring(key.lastIndexOf('/') + 1);
        }
    }

    /** Lists, checks, and (unless a dry run) deletes; {@code deleted} sees each deleted object. The item is the report. */
    public Uni<ObjectNode> run(Request request, Consumer<Orphan> deleted) {
        Duration effective = request.grace().compareTo(minAge) < 0 ? minAge : request.grace();
        Instant cutoff = Instant.now().minus(effective);
        int[] scanned = new int[1];
        return workers.run(() -> list(cutoff, scanned)).flatMap(this::unused).flatMap(orphans -> {
            if (request.dryRun() || orphans.isEmpty()) {
                return Uni.createFrom().item(report(request, effective, scanned[0], orphans, 0));
            }
            return unused(orphans) // again: a write may have committed meanwhile
                    .flatMap(still -> workers.run(() -> {
                        int count = 0;
                        for (Orphan o : still) {
                            count += delete(o);
                            deleted.accept(o);
                        }
                        return count;
                    }))
                    .map(count -> report(request, effective, scanned[0], orphans, count));
        });
    }

    private Uni<List<Orphan>> unused(List<Orphan> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return inUse.apply(candidates.stream().map(Orphan::hash).toList())
                .map(used -> candidates.stream()
                        .filter(o -> !used.contains(o.hash()))
                        .toList());
    }

    private List<Orphan> list(Instant cutoff, int[] scanned) {
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
            throw StorageErrors.unavailable("listing " + bucket, e);
        }
        return out;
    }

    private int delete(Orphan o) {
        try {
            s3.deleteObject(b -> b.bucket(o.bucket()).key(o.key()));
            LOG.infof("cleanup-orphaned deleted s3://%s/%s (%s)", o.bucket(), o.key(), o.lastModified());
            return 1;
        } catch (SdkClientException | S3Exception e) {
            throw StorageErrors.unavailable("deleting " + o.key(), e);
        }
    }

    private static ObjectNode report(
            Request request, Duration effective, int scanned, List<Orphan> orphans, int deleted) {
        ObjectNode out = JSON.createObjectNode()
                .put("dry_run", request.dryRun())
                .put("grace_period", request.grace().toString())
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
