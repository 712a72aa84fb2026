package org.entitybase.statement.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.statement.config.StatementServiceConfig;

/**
 * entity-service's REST API, the only way statement-service reads revisions (it never reads packs). JDK client,
 * asynchronous: nothing blocks the caller; answers come back on the caller's Vert.x context.
 */
@ApplicationScoped
public class EntityServiceClient {

    /** Most content hashes per committed-revisions call (entity-service's limit). */
    public static final int COMMITTED_BATCH = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String apiUrl;
    /** Internal routes are outside the public prefix. */
    private final String internalUrl;

    private final Duration timeout;

    @Inject
    EntityServiceClient(StatementServiceConfig config, EntitybaseConfig entitybase) {
        this(config.entityServiceUrl(), entitybase.apiPrefix(), config.entityServiceTimeout());
    }

    public EntityServiceClient(String baseUrl, String apiPrefix, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiUrl = strip(baseUrl) + strip(apiPrefix);
        this.internalUrl = strip(baseUrl);
        this.timeout = timeout;
    }

    /** A revision as entity-service answers it: entity JSON, or none for a redirect (308) or deletion (410). */
    public record Revision(byte[] entityJson, String redirectTarget, boolean deleted) {
        public boolean hasContent() {
            return entityJson != null;
        }
    }

    /**
     * A definite answer that the revision does not exist (404): the event names data this entity-service never had
     * (another deployment's or a test's event, or a purged entity). Retrying cannot help.
     */
    public static final class UnknownRevisionException extends RuntimeException {
        UnknownRevisionException(String message) {
            super(message);
        }
    }

    /**
     * {@code GET /entities/{id}/revision/{rev}}; 404 fails with {@link UnknownRevisionException}, anything else than
     * 200, 308 or 410 fails to be retried.
     */
    public Uni<Revision> revision(String entityId, long revisionId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(apiUrl + "/entities/" + entityId + "/revision/" + revisionId))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return send(request).map(response -> switch (response.statusCode()) {
            case 200 -> new Revision(response.body(), null, false);
            case 308 -> new Revision(null, field(response.body(), "redirect"), false);
            case 410 -> new Revision(null, null, true);
            case 404 ->
                throw new UnknownRevisionException("entity-service has no revision " + revisionId + " of " + entityId);
            default -> throw unavailable("revision " + revisionId + " of " + entityId, response);
        });
    }

    /**
     * Which of {@code contentHashes} are committed revisions ({@code POST /internal/revisions/committed}, in batches of
     * {@link #COMMITTED_BATCH}).
     */
    public Uni<Set<String>> committed(Collection<String> contentHashes) {
        List<String> all = new ArrayList<>(contentHashes);
        Uni<Set<String>> result = Uni.createFrom().item(new HashSet<>());
        for (int from = 0; from < all.size(); from += COMMITTED_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + COMMITTED_BATCH));
            result = result.flatMap(found -> committedBatch(batch).map(more -> {
                found.addAll(more);
                return found;
            }));
        }
        return result;
    }

    private Uni<Set<String>> committedBatch(List<String> hashes) {
        ArrayNode array = JSON.createArrayNode();
        hashes.forEach(array::add);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(JSON.createObjectNode().set("content_hashes", array));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(internalUrl + "/internal/revisions/committed"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request).map(response -> {
            if (response.statusCode() != 200) {
                throw unavailable("committed revisions", response);
            }
            Set<String> committed = new HashSet<>();
            try {
                JsonNode list = JSON.readTree(response.body()).path("committed");
                if (!list.isArray()) {
                    throw new IllegalStateException("entity-service answered no committed list");
                }
                list.forEach(node -> committed.add(node.asText()));
            } catch (IOException e) {
                throw new IllegalStateException("entity-service answered no JSON", e);
            }
            return committed;
        });
    }

    private Uni<HttpResponse<byte[]>> send(HttpRequest request) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<HttpResponse<byte[]>> answer = Uni.createFrom()
                    .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .onFailure(e -> !(e instanceof ApiException))
                    .transform(e -> new ApiException(
                            503,
                            "entity-service-unavailable",
                            "entity-service did not answer: " + e,
                            Map.of("url", request.uri().toString())));
            return context == null ? answer : answer.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    private static ApiException unavailable(String what, HttpResponse<byte[]> response) {
        return new ApiException(
                503,
                "entity-service-unavailable",
                "entity-service answered " + response.statusCode() + " for " + what,
                Map.of("url", response.uri().toString(), "status", response.statusCode()));
    }

    private static String field(byte[] json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return node == null ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
