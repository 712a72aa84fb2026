package org.entitybase.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;

import org.entitybase.gateway.config.GatewayConfig;
import org.entitybase.gateway.route.RouteTable;
import org.entitybase.gateway.route.ServiceEndpoint;

/**
 * The services the gateway forwards to and the one HTTP client that does it (Vert.x keeps a keep-alive pool per
 * host:port). URL per service: {@code <SERVICE>_URL} (e.g. {@code ENTITY_SERVICE_URL}) if set, else the
 * {@code localUrl} of routes.json.
 */
@Singleton
public class Upstreams {
    private static final int POOL_CLEANER_PERIOD_MS = 250;

    private final Map<String, Upstream> byService;
    private final List<Upstream> ordered;
    private final HttpClient client;

    public Upstreams(Vertx vertx, RouteTable table, GatewayConfig config, Config mpConfig) {
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        for (ServiceEndpoint endpoint : table.services().values()) {
            if (RouteTable.GATEWAY.equals(endpoint.name())) {
                continue;
            }
            URI url = resolveUrl(endpoint, name -> mpConfig.getOptionalValue(name, String.class));
            upstreams.put(endpoint.name(), Upstream.of(endpoint.name(), url));
            Log.infof("upstream %s -> %s", endpoint.name(), url);
        }
        this.byService = Map.copyOf(upstreams);
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setName("gateway-upstreams")
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) pooledKeepAlive(config).toSeconds())
                // expired connections leave the pool promptly, not up to a second late
                .setPoolCleanerPeriod(POOL_CLEANER_PERIOD_MS)
                .setMaxPoolSize(config.maxConnectionsPerUpstream())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setTcpNoDelay(true)
                // bodies pass through as the service encoded them
                .setDecompressionSupported(false));
        this.ordered = List.copyOf(upstreams.values());
    }

    /**
     * How long an idle pooled connection is kept: {@code keep-alive-timeout}, but at most half the services' idle
     * timeout, so the gateway closes an idle connection well before the service would (a service closing a
     * connection the gateway is just reusing is the race behind a 502 "Connection was closed"). Whole seconds, at
     * least one (Vert.x counts keep-alive in seconds).
     */
    public static Duration pooledKeepAlive(GatewayConfig config) {
        Duration half = config.serviceIdleTimeout().dividedBy(2);
        Duration chosen = config.keepAliveTimeout().compareTo(half) < 0 ? config.keepAliveTimeout() : half;
        return Duration.ofSeconds(Math.max(1, chosen.toSeconds()));
    }

    /** The name of the variable that overrides a service's URL: {@code entity-service} -> {@code ENTITY_SERVICE_URL}. */
    public static String overrideVariable(String service) {
        return service.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    static URI resolveUrl(ServiceEndpoint endpoint, Function<String, Optional<String>> lookup) {
        return lookup.apply(overrideVariable(endpoint.name()))
                .filter(url -> !url.isBlank())
                .map(URI::create)
                .orElse(endpoint.localUrl());
    }

    public Upstream get(String service) {
        Upstream upstream = byService.get(service);
        if (upstream == null) {
            throw new IllegalArgumentException("no upstream named " + service);
        }
        return upstream;
    }

    /** All upstream services in routes.json order (the gateway itself excluded). */
    public List<Upstream> all() {
        return ordered;
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
