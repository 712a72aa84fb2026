package org.entitybase.runtime.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Entitybase's own settings, shared by every service (prefix {@code entitybase}).
 *
 * <p>The environment variables of the seed (API_PREFIX, S3_*_BUCKET, STREAMING_ENABLED,
 * KAFKA_*_TOPIC) are bound to these keys, with local-stack defaults, in common-runtime's
 * {@code META-INF/microprofile-config.properties}; a service's application.properties may
 * override any of them.
 */
@ConfigMapping(prefix = "entitybase")
public interface EntitybaseConfig {

    /**
     * {@code entitybase.api-prefix} (env API_PREFIX, default {@code /v1/entitybase}): root of
     * every public route. Quarkus REST reads it at build time through {@code quarkus.rest.path}.
     */
    String apiPrefix();

    /**
     * {@code entitybase.keyspace}: the Vitess keyspace this service owns ({@code none} for a
     * service without tables); reported by the service's info route.
     */
    @WithDefault("none")
    String keyspace();

    S3 s3();

    Streaming streaming();

    /** {@code entitybase.setup.*}: the create-buckets-and-topics-then-exit mode (runtime.setup.ClusterSetup). */
    Setup setup();

    interface Setup {
        /** {@code entitybase.setup.and-exit} (env ENTITYBASE_SETUP_AND_EXIT): create, then exit; off by default. */
        @WithDefault("false")
        boolean andExit();

        /** {@code entitybase.setup.topic-partitions}: partitions of a topic it creates. */
        @WithDefault("12")
        int topicPartitions();

        /** {@code entitybase.setup.topic-replication-factor}: replicas of a topic it creates. */
        @WithDefault("1")
        short topicReplicationFactor();
    }

    interface S3 {
        /** {@code entitybase.s3.content-bucket} (env S3_CONTENT_BUCKET): content objects. */
        String contentBucket();

        /** {@code entitybase.s3.revisions-bucket} (env S3_REVISIONS_BUCKET): revision objects. */
        String revisionsBucket();

        /** {@code entitybase.s3.health.*}: the S3 readiness check (HeadBucket on both buckets). */
        Health health();

        /** {@code entitybase.s3.connect-timeout}: connecting to S3, for object requests and the SDK client alike. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** {@code entitybase.s3.read-timeout}: waiting for S3's answer, for object requests and the SDK client. */
        @WithDefault("10s")
        Duration readTimeout();
    }

    interface Streaming {
        /**
         * {@code entitybase.streaming.enabled} (env STREAMING_ENABLED): publish and consume Kafka
         * events; when false the Kafka readiness check reports UP without contacting a broker.
         */
        boolean enabled();

        /** {@code entitybase.streaming.entity-change-topic} (env KAFKA_ENTITY_CHANGE_TOPIC). */
        String entityChangeTopic();

        /** {@code entitybase.streaming.entity-diff-topic} (env KAFKA_ENTITY_DIFF_TOPIC). */
        String entityDiffTopic();

        /** {@code entitybase.streaming.health.*}: the Kafka readiness check (describe cluster). */
        Health health();
    }

    interface Health {
        /**
         * {@code ...health.enabled}: build time. A service that uses the dependency sets it to
         * true in its application.properties, which registers the readiness check bean.
         */
        @WithDefault("false")
        boolean enabled();

        /** {@code ...health.timeout}: upper bound of one check, so /q/health/ready never hangs. */
        @WithDefault("3s")
        Duration timeout();
    }
}
