package org.entitybase.gateway.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.config.GatewayConfig;
import org.entitybase.gateway.proxy.Upstream;
import org.entitybase.gateway.proxy.UpstreamFetch;
import org.entitybase.gateway.proxy.Upstreams;
import org.entitybase.gateway.route.RouteTable;

/**
 * {@code GET /v1/entitybase/openapi}: one OpenAPI document for the public API, merged from every service's
 * {@code /q/openapi?format=json}. Only paths under the public prefix are kept, without {@code <prefix>/internal/**}
 * (internal routes: their resources are declared there, common-runtime's InternalRoutes serves them at /internal/); the first service to declare a path+method or a component name wins, and
 * {@code x-entitybase-services} says which services answered.
 */
@Singleton
public class OpenApiAggregator implements Handler<RoutingContext> {
    static final String OPENAPI_PATH = "/q/openapi?format=json";

    private final Upstreams upstreams;
    private final HttpClient client;
    private final Duration timeout;
    private final String prefix;

    public OpenApiAggregator(Upstreams upstreams, RouteTable table, GatewayConfig config) {
        this.upstreams = upstreams;
        this.client = upstreams.client();
        this.timeout = config.healthTimeout();
        this.prefix = table.prefix();
    }

    @Override
    public void handle(RoutingContext rc) {
        List<Upstream> services = upstreams.all();
        List<Future<JsonObject>> documents = new ArrayList<>(services.size());
        for (Upstream upstream : services) {
            documents.add(UpstreamFetch.get(client, upstream, OPENAPI_PATH, timeout)
                    .map(answer -> {
                        if (answer.status() != 200) {
                            throw new IllegalStateException("HTTP " + answer.status());
                        }
                        return new JsonObject(answer.body().toString());
                    }));
        }
        Future.join(documents).onComplete(done -> {
            JsonObject merged = emptyDocument();
            JsonObject report = new JsonObject();
            for (int i = 0; i < services.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                String service = services.get(i).service();
                if (document.succeeded()) {
                    int paths = merge(merged, document.result(), prefix);
                    report.put(service, new JsonObject().put("status", "merged").put("paths", paths));
                } else {
                    report.put(
                            service,
                            new JsonObject()
                                    .put("status", "unavailable")
                                    .put("error", UpstreamFetch.describe(document.cause())));
                }
            }
            merged.put("x-entitybase-services", report);
            rc.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(merged.encode());
        });
    }

    static JsonObject emptyDocument() {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Entitybase API").put("version", "v1"))
                .put("paths", new JsonObject())
                .put("components", new JsonObject())
                .put("tags", new JsonArray());
    }

    /** Merges one service's document into {@code merged}; returns how many public paths it contributed. */
    static int merge(JsonObject merged, JsonObject service, String prefix) {
        int contributed = 0;
        JsonObject paths = merged.getJsonObject("paths");
        JsonObject servicePaths = service.getJsonObject("paths", new JsonObject());
        for (String path : servicePaths.fieldNames()) {
            if (!(path.equals(prefix) || path.startsWith(prefix + "/")) || path.startsWith(prefix + "/internal/")) {
                continue; // internal routes are declared under the prefix but served at /internal/ (InternalRoutes)
            }
            JsonObject operations = servicePaths.getJsonObject(path);
            JsonObject target = paths.getJsonObject(path);
            if (target == null) {
                paths.put(path, operations.copy());
            } else {
                putAbsent(target, operations);
            }
            contributed++;
        }
        JsonObject components = merged.getJsonObject("components");
        JsonObject serviceComponents = service.getJsonObject("components", new JsonObject());
        for (String section : serviceComponents.fieldNames()) {
            if (!(serviceComponents.getValue(section) instanceof JsonObject entries)) {
                continue;
            }
            JsonObject target = components.getJsonObject(section);
            if (target == null) {
                components.put(section, entries.copy());
            } else {
                putAbsent(target, entries);
            }
        }
        JsonArray tags = merged.getJsonArray("tags");
        for (Object tag : service.getJsonArray("tags", new JsonArray())) {
            if (tag instanceof JsonObject tagObject && !hasTag(tags, tagObject.getString("name"))) {
                tags.add(tagObject.copy());
            }
        }
        return contributed;
    }

    private static void putAbsent(JsonObject target, JsonObject source) {
        for (String key : source.fieldNames()) {
            if (!target.containsKey(key)) {
                target.put(key, source.getValue(key) instanceof JsonObject o ? o.copy() : source.getValue(key));
            }
        }
    }

    private static boolean hasTag(JsonArray tags, String name) {
        for (Object tag : tags) {
            if (tag instanceof JsonObject existing && name != null && name.equals(existing.getString("name"))) {
                return true;
            }
        }
        return false;
    }
}
