package org.entitybase.entity.ids;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Unremovable;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@link IdAllocatorClient} over HTTP with Vert.x's client: answers arrive on the event loop, nothing blocks. Claims
 * are signed with this instance's owner id (host, pid, random), which id-allocator records with each range.
 */
@ApplicationScoped
@Unremovable // keeps the entitybase.ids.* mapping registered (and validated) where leasing is off: see IdLeasingConfig
public class HttpIdAllocatorClient implements IdAllocatorClient {

    static final String UNAVAILABLE = "id-allocator-unavailable";

    private static final Logger LOG = Logger.getLogger(HttpIdAllocatorClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OWNER_LENGTH = 128;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final HttpClient http;
    private final String rangesUrl;
    private final Duration timeout;
    private final String owner;

    @Inject
    HttpIdAllocatorClient(Vertx vertx, IdLeasingConfig config) {
        this(vertx, config.allocatorUrl(), config.timeout(), ownerId());
    }

    HttpIdAllocatorClient(Vertx vertx, String allocatorUrl, Duration timeout, String owner) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true));
        this.rangesUrl = stripTrailingSlash(allocatorUrl) + "/internal/id-ranges"; // outside the public prefix
        this.timeout = timeout;
        this.owner = owner;
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /** Who claims: {@code host/pid/random}, unique per process start even where containers share a pid. */
    public static String ownerId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown-host";
            }
        }
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String id = host + "/" + ProcessHandle.current().pid() + "/" + random;
        String printable = id.replaceAll("[^\\x21-\\x7e]", "_");
        return printable.length() <= MAX_OWNER_LENGTH
                ? printable
                : printable.substring(printable.length() - MAX_OWNER_LENGTH);
    }

    public String owner() {
        return owner;
    }

    @Override
    public Uni<IdRange> claim(EntityType type, int size) {
        ObjectNode request = JSON.createObjectNode()
                .put("entity_type", type.jsonName())
                .put("size", size)
                .put("owner", owner);
        return post(rangesUrl, request).map(answer -> {
            if (answer.status() != 201) {
                throw refused("claim", answer);
            }
            IdRange range = new IdRange(
                    answer.body().path("range_start").asLong(),
                    answer.body().path("range_end").asLong());
            if (range.size() != size
                    || !type.jsonName().equals(answer.body().path("entity_type").asText())) {
                throw new IllegalStateException("id-allocator answered " + answer.body() + " to a claim of " + size
                        + " " + type.jsonName() + " ids");
            }
            return range;
        });
    }

    @Override
    public Uni<Void> reserveUpTo(EntityType type, long upTo) {
        ObjectNode request = JSON.createObjectNode()
                .put("entity_type", type.jsonName())
                .put("up_to", upTo)
                .put("owner", owner);
        return post(rangesUrl + "/reserve", request).map(answer -> {
            if (answer.status() != 200) {
                throw refused("reserve", answer);
            }
            return null;
        });
    }

    private record Answer(int status, JsonNode body) {}

    private Uni<Answer> post(String url, ObjectNode body) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setIdleTimeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return http.request(request)
                .flatMap(r -> r.send(Buffer.buffer(body.toString())))
                .flatMap(response -> response.body().map(bytes -> new Answer(response.statusCode(), parse(bytes))))
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new IOException("no answer within " + timeout))
                .onFailure()
                .transform(failure -> unavailable(url, failure.toString()));
    }

    private static JsonNode parse(Buffer bytes) {
        try {
            return bytes.length() == 0 ? JSON.missingNode() : JSON.readTree(bytes.getBytes());
        } catch (IOException e) {
            return JSON.missingNode(); // a proxy's HTML error page: the status tells enough
        }
    }

    /** 5xx: the allocator or its database is down, try later. 4xx: this client sent something wrong, a bug. */
    private RuntimeException refused(String what, Answer answer) {
        String detail =
                "HTTP " + answer.status() + " " + answer.body().path("code").asText("");
        if (answer.status() >= 500) {
            return unavailable(rangesUrl, detail);
        }
        return new IllegalStateException("id-allocator refused the " + what + ": " + detail + " "
                + answer.body().path("message").asText(""));
    }

    /** The client learns that ids are missing for now; where and why goes to the log, not to the client. */
    private static ApiException unavailable(String url, String detail) {
        LOG.warnf("id-allocator at %s: %s", url, detail);
        return new ApiException(503, UNAVAILABLE, "no entity ids: id-allocator is unavailable", Map.of(), RETRY_AFTER);
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
