package org.entitybase.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gateway settings ({@code entitybase.gateway.*}; environment names in application.properties). Upstream URLs are not
 * here: they come from routes.json, overridden per service by {@code <SERVICE>_URL} (see {@code Upstreams}).
 */
@ConfigMapping(prefix = "entitybase.gateway")
public interface GatewayConfig {
    /**
     * The route table file. Unset: {@code deploy/gateway/routes.json} under the working directory if it exists, else
     * the copy bundled in the jar at build time.
     */
    Optional<Path> routes();

    /** Public base URL (scheme://host[:port]) for rewritten Location headers; unset = taken from each request. */
    Optional<String> publicBaseUrl();

    /** Believe X-Forwarded-Proto/Host/For from the client (true only behind a trusted proxy such as the Ingress). */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    /** Keep-alive connections per upstream service (the pool size of the shared HTTP client, per host:port). */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    @WithDefault("2s")
    Duration connectTimeout();

    /** An upstream that sends nothing for this long gets the request failed with 504. */
    @WithDefault("60s")
    Duration upstreamIdleTimeout();

    /**
     * Idle pooled connections are closed after this, or after half of {@link #serviceIdleTimeout()} if that is
     * shorter: the gateway always drops an idle connection before the service would, so a request never meets a
     * connection the service is closing (see {@code Upstreams#pooledKeepAlive}).
     */
    @WithDefault("60s")
    Duration keepAliveTimeout();

    /**
     * The services' own HTTP idle timeout ({@code quarkus.http.idle-timeout}). Both sides read it from the one
     * variable {@code SERVICE_IDLE_TIMEOUT} (common-runtime's microprofile-config.properties for the services,
     * application.properties here), with the same default; a test keeps the two defaults equal.
     */
    @WithDefault("30M")
    Duration serviceIdleTimeout();

    /** Timeout of each service readiness probe behind {@code GET /health} and of each OpenAPI fetch. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** Retry-After (seconds) on 503/504 answers for an unavailable upstream. */
    @WithDefault("5")
    int retryAfterSeconds();
}
