package org.entitybase.runtime.health;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;

import org.entitybase.runtime.config.EntitybaseConfig;

/**
 * Ready only while the Kafka cluster answers a describe-cluster within the health timeout.
 * Quarkus' own check ({@code quarkus.kafka.health.enabled}) waits for the admin client's default
 * 60 s timeout when the broker is gone, so /q/health/ready would hang instead of saying DOWN.
 * Registered in services that set {@code entitybase.streaming.health.enabled=true}.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "entitybase.streaming.health.enabled", stringValue = "true")
public class KafkaReadinessCheck implements HealthCheck {

    public static final String NAME = "Kafka cluster health check";

    private final EntitybaseConfig config;
    private final String bootstrapServers;
    private final String clientId;
    private Admin admin;

    KafkaReadinessCheck(
            EntitybaseConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-readiness";
    }

    /**
     * Connects at start (without waiting for the answer), so the first probe does not pay for
     * bootstrap, connection and metadata within its timeout.
     */
    void connectEarly(@Observes StartupEvent start) {
        if (config.streaming().enabled()) {
            admin().describeCluster();
        }
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.streaming().enabled()) {
            // STREAMING_ENABLED=false: the service does not need Kafka to serve
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("streaming", "disabled")
                    .build();
        }
        Duration timeout = config.streaming().health().timeout();
        try {
            Collection<Node> nodes = admin().describeCluster(
                            new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                return HealthCheckResponse.named(NAME)
                        .down()
                        .withData("reason", "no broker")
                        .build();
            }
            String brokers = nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("nodes", brokers)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (TimeoutException e) {
            return down("no answer within " + timeout);
        } catch (ExecutionException e) {
            return down(HealthMessages.firstLine(e.getCause()));
        } catch (RuntimeException e) {
            return down(HealthMessages.firstLine(e));
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME)
                .down()
                .withData("bootstrap", bootstrapServers)
                .withData("reason", reason)
                .build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int timeoutMs = (int) config.streaming().health().timeout().toMillis();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    // a broker that comes back is noticed within a second
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
