package org.entitybase.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.entitybase.gateway.config.GatewayConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's pooled connections always expire before the services would close them. */
class KeepAliveTimeoutsTest {
    private static final Path SERVICES_CONFIG =
            Path.of("../common-runtime/src/main/resources/META-INF/microprofile-config.properties");
    private static final Path GATEWAY_CONFIG = Path.of("src/main/resources/application.properties");

    @Test
    void pooledKeepAliveIsAtMostHalfTheServicesIdleTimeout() {
        assertThat(Upstreams.pooledKeepAlive(config("60s", "30M"))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Upstreams.pooledKeepAlive(config("60s", "20s"))).isEqualTo(Duration.ofSeconds(10));
        assertThat(Upstreams.pooledKeepAlive(config("60s", "3s"))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void gatewayAndServicesReadTheIdleTimeoutFromOneVariableWithOneDefault() throws IOException {
        String services = load(SERVICES_CONFIG).getProperty("quarkus.http.idle-timeout");
        String gateway = load(GATEWAY_CONFIG).getProperty("entitybase.gateway.service-idle-timeout");
        assertThat(services).startsWith("${SERVICE_IDLE_TIMEOUT:").isEqualTo(gateway);
    }

    private static Properties load(Path path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        }
        return properties;
    }

    private static GatewayConfig config(String keepAlive, String serviceIdle) {
        return new GatewayConfig() {
            @Override
            public Optional<Path> routes() {
                return Optional.empty();
            }

            @Override
            public Optional<String> publicBaseUrl() {
                return Optional.empty();
            }

            @Override
            public boolean trustForwardedHeaders() {
                return false;
            }

            @Override
            public int maxConnectionsPerUpstream() {
                return 1;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration upstreamIdleTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration keepAliveTimeout() {
                return parse(keepAlive);
            }

            @Override
            public Duration serviceIdleTimeout() {
                return parse(serviceIdle);
            }

            @Override
            public Duration healthTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int retryAfterSeconds() {
                return 1;
            }
        };
    }

    private static Duration parse(String value) {
        return Duration.parse("PT" + value.toUpperCase());
    }
}
