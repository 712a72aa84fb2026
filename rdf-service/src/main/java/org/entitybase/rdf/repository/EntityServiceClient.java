package org.entitybase.rdf.repository;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.config.RdfConfig;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.rest.ApiException;

/**
 * entity-service's read routes over the JDK's asynchronous HTTP client (no thread waits on the network): {@code GET
 * /entities/{id}} and {@code GET /entities/{id}/revision/{rev}}. Its 4xx answers come back as the same {@link
 * ApiException}; no answer, a timeout or a 5xx is 503 {@code entity-service-unavailable} with {@code Retry-After}.
 * Built at start, on the main thread ({@code @Startup}): the JDK HTTP client loads the default SSLContext (certificates,
 * JCE policy), which blocked the event loop for up to 5.4 s when the first consumed event created the bean (issue 9).
 */
@Startup
@ApplicationScoped
public class EntityServiceClient {

    public static final String UNAVAILABLE = "entity-service-unavailable";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String apiUrl;
    private final Duration timeout;

    @Inject
    EntityServiceClient(RdfConfig rdf, EntitybaseConfig config) {
        this(rdf.entityServiceUrl(), config.apiPrefix(), rdf.entityServiceTimeout());
    }

    public EntityServiceClient(String baseUrl, String apiPrefix, Duration timeout) {
        this.apiUrl = stripSlash(baseUrl) + apiPrefix;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An entity's JSON at a revision, or the target of the redirect it is (then {@code json} is null). */
    public record EntityJson(EntityId id, byte[] json, EntityId redirectTarget) {
        public boolean isRedirect() {
            return redirectTarget != null;
        }
    }

    /** The entity now. */
    public Uni<EntityJson> current(EntityId id) {
        return get(id, apiUrl + "/entities/" + id.value());
    }

    /** The entity at {@code revision}. */
    public Uni<EntityJson> revision(EntityId id, long revision) {
        return get(id, apiUrl + "/entities/" + id.value() + "/revision/" + revision);
    }

    /** The id of the entity's newest revision (also for a deleted or redirected entity). */
    public Uni<Long> headRevision(EntityId id) {
        String url = apiUrl + "/entities/" + id.value() + "/history?limit=1";
        return send(url).map(response -> {
            if (response.statusCode() != 200) {
                answer(id, url, response); // throws the error it is
            }
            JsonNode body = tree(response.body());
            JsonNode revision =
                    body == null ? null : body.path("revisions").path(0).get("revision_id");
            if (revision == null || !revision.canConvertToLong()) {
                throw unavailable(url, "history without revisions");
            }
            return revision.longValue();
        });
    }

    private Uni<EntityJson> get(EntityId id, String url) {
        return send(url).map(response -> answer(id, url, response));
    }

    private Uni<HttpResponse<byte[]>> send(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .onFailure(e -> !(e instanceof ApiException))
                .transform(e -> unavailable(url, e.toString()));
    }

    private static EntityJson answer(EntityId id, String url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200) {
            return new EntityJson(id, response.body(), null);
        }
        if (status == 308 || status == 301) {
            JsonNode body = tree(response.body());
            EntityId target = body == null
                    ? null
                    : EntityId.tryParse(body.path("redirect").asText(null));
            if (target == null) {
                throw unavailable(url, "redirect without a target");
            }
            return new EntityJson(id, null, target);
        }
        if (status >= 400 && status < 500) {
            JsonNode body = tree(response.body());
            String code = body == null ? null : body.path("code").asText(null);
            if (code != null) {
                Map<String, Object> context = new LinkedHashMap<>();
                body.path("context").properties().forEach(e -> context.put(e.getKey(), scalar(e.getValue())));
                throw new ApiException(status, code, body.path("message").asText(code), context);
            }
            throw new ApiException(status, "entity-service-error", "entity-service answered " + status, Map.of());
        }
        throw unavailable(url, "status " + status);
    }

    /** Is {@code failure} entity-service being unavailable (worth a retry), rather than a definite answer? */
    public static boolean isUnavailable(Throwable failure) {
        return failure instanceof ApiException e && UNAVAILABLE.equals(e.code());
    }

    private static ApiException unavailable(String url, String why) {
        return new ApiException(
                503, UNAVAILABLE, "entity-service did not answer (" + why + ")", Map.of("url", url), RETRY_AFTER);
    }

    private static JsonNode tree(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Object scalar(JsonNode node) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
