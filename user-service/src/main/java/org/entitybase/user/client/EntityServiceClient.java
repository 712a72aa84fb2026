package org.entitybase.user.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.user.config.UserServiceConfig;

/**
 * entity-service's history API, asked only to confirm what the revision index does not hold yet (an edit whose event
 * has not been consumed). Any answer other than a definite one is a 503 with Retry-After, never a 404.
 * Built at start, on the main thread ({@code @Startup}): the JDK HTTP client loads the default SSLContext (certificates,
 * JCE policy), which blocked the event loop for up to 5.4 s when the first consumed event created the bean (issue 9).
 */
@Startup
@ApplicationScoped
public class EntityServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String apiUrl;
    private final Duration timeout;
    private final Duration retryAfter;

    @Inject
    EntityServiceClient(UserServiceConfig config, EntitybaseConfig entitybase) {
        this(config.entityServiceUrl(), entitybase.apiPrefix(), config.entityServiceTimeout(), config.retryAfter());
    }

    public EntityServiceClient(String baseUrl, String apiPrefix, Duration timeout, Duration retryAfter) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiUrl = strip(baseUrl) + strip(apiPrefix);
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    /** What entity-service says about an entity or one of its revisions. */
    public sealed interface Answer {
        /** The entity never existed. */
        record NoEntity() implements Answer {}

        /** The entity exists but has no such revision. */
        record NoRevision() implements Answer {}

        /** The revision exists ({@code author} = its X-User-ID); for an entity question, its newest revision. */
        record Found(long revisionId, long author) implements Answer {}
    }

    /**
     * {@code revisionId} of {@code entityId} ({@code GET /entities/{id}/history?after=rev+1&limit=1}); with
     * {@code revisionId} null, the entity's newest revision.
     */
    public Uni<Answer> revision(String entityId, Long revisionId) {
        String query = revisionId == null ? "?limit=1" : "?limit=1&after=" + (revisionId + 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/entities/" + entityId + "/history" + query))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        Uni<HttpResponse<byte[]>> sent = Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<HttpResponse<byte[]>> response = Uni.createFrom()
                    .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
            // back onto the caller's event loop: the SQL client must not be used from the HTTP client's threads
            return caller == null ? response : response.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
        return sent.onFailure()
                .transform(e -> unavailable(entityId, e.toString()))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> answer(response.body(), revisionId);
                    case 404 -> new Answer.NoEntity();
                    default -> throw unavailable(entityId, "HTTP " + response.statusCode());
                });
    }

    private static Answer answer(byte[] body, Long revisionId) {
        JsonNode first;
        try {
            first = JSON.readTree(body).path("revisions").path(0);
        } catch (IOException e) {
            throw new IllegalStateException("entity-service's history is not JSON", e);
        }
        if (first.isMissingNode()
                || (revisionId != null && first.path("revision_id").asLong() != revisionId)) {
            return new Answer.NoRevision();
        }
        return new Answer.Found(
                first.path("revision_id").asLong(), first.path("user_id").asLong());
    }

    private ApiException unavailable(String entityId, String why) {
        Log.warnf("entity-service did not answer about %s: %s", entityId, why);
        return new ApiException(
                503,
                "dependency-unavailable",
                "entity-service is not available to confirm " + entityId,
                Map.of("dependency", "entity-service"),
                retryAfter);
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
