package org.entitybase.gateway.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.config.GatewayConfig;
import org.entitybase.gateway.proxy.GatewayErrors;
import org.entitybase.gateway.proxy.Upstream;
import org.entitybase.gateway.proxy.UpstreamFetch;
import org.entitybase.gateway.proxy.Upstreams;

/**
 * {@code GET /v1/entitybase/health}: every service's {@code /q/health/ready}, asked in parallel with a short timeout.
 * 200 with {@code status: UP} when all are up; 503 with {@code status: DOWN} and the names in {@code down} otherwise.
 */
@Singleton
public class HealthAggregator implements Handler<RoutingContext> {
    static final String READINESS_PATH = "/q/health/ready";

    private final Upstreams upstreams;
    private final HttpClient client;
    private final Duration timeout;

    public HealthAggregator(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.client = upstreams.client();
        this.timeout = config.healthTimeout();
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            rc.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            GatewayErrors.send(rc, 405, "method-not-allowed", method + " is not allowed on /health", new JsonObject());
            return;
        }
        List<Upstream> services = upstreams.all();
        List<Future<JsonObject>> probes = new ArrayList<>(services.size());
        for (Upstream upstream : services) {
            probes.add(probe(upstream));
        }
        // every probe recovers into a status object, so join() always succeeds
        Future.join(probes).onComplete(done -> {
            JsonObject byService = new JsonObject();
            JsonArray down = new JsonArray();
            for (int i = 0; i < services.size(); i++) {
                JsonObject status = probes.get(i).result();
                byService.put(services.get(i).service(), status);
                if (!"UP".equals(status.getString("status"))) {
                    down.add(services.get(i).service());
                }
            }
            JsonObject body = new JsonObject().put("status", down.isEmpty() ? "UP" : "DOWN");
            if (!down.isEmpty()) {
                body.put("down", down);
            }
            body.put("services", byService);
            rc.response()
                    .setStatusCode(down.isEmpty() ? 200 : 503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(body.encode());
        });
    }

    private Future<JsonObject> probe(Upstream upstream) {
        return UpstreamFetch.get(client, upstream, READINESS_PATH, timeout)
                .map(answer -> serviceStatus(answer.status(), answer.body().toString()))
                .otherwise(failure ->
                        new JsonObject().put("status", "DOWN").put("error", UpstreamFetch.describe(failure)));
    }

    /** One service's entry: its own status and checks (SmallRye Health format), or DOWN with the reason. */
    static JsonObject serviceStatus(int httpStatus, String body) {
        JsonObject health;
        try {
            health = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject().put("status", "DOWN").put("error", "HTTP " + httpStatus + ", not a health report");
        }
        String status = health.getValue("status") instanceof String reported ? reported : null;
        if (status == null) {
            return new JsonObject().put("status", "DOWN").put("error", "HTTP " + httpStatus + ", not a health report");
        }
        if (httpStatus != 200 && "UP".equals(status)) {
            status = "DOWN"; // trust the HTTP status over a body that disagrees
        }
        JsonObject entry = new JsonObject().put("status", status);
        JsonArray checks = health.getJsonArray("checks");
        if (checks != null) {
            entry.put("checks", checks);
        }
        return entry;
    }
}
