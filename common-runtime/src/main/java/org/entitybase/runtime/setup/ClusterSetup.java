package org.entitybase.runtime.setup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

import org.entitybase.runtime.config.EntitybaseConfig;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The cluster's one-off setup as a container command: with {@code ENTITYBASE_SETUP_AND_EXIT=true} a service starts,
 * creates the S3 buckets and Kafka topics it is configured with (those missing; existing ones are left as they are),
 * and exits 0, or 1 when either fails. deploy/k8s runs it as a Job (the seed's dev worker {@code create_buckets} and
 * the local stack's KafkaTopics, for a cluster). Off by default: a service never creates them at start. It needs
 * kafka-clients, optional in common-runtime: run it with the image of a service that streams (entity-service).
 */
@ApplicationScoped
public class ClusterSetup {

    private static final Logger LOG = Logger.getLogger(ClusterSetup.class);

    private final EntitybaseConfig config;
    private final Instance<S3Client> s3;
    private final String bootstrapServers;

    ClusterSetup(
            EntitybaseConfig config,
            Instance<S3Client> s3,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.s3 = s3;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.setup().andExit()) {
            return;
        }
        try {
            createBuckets(List.of(config.s3().contentBucket(), config.s3().revisionsBucket()));
            createTopics(List.of(
                    config.streaming().entityChangeTopic(), config.streaming().entityDiffTopic()));
            LOG.info("setup done: buckets and topics exist; exiting");
            Quarkus.asyncExit(0);
        } catch (NoClassDefFoundError e) {
            // kafka-clients is optional in common-runtime (no reflection probe: this stays native-compilable)
            LOG.error(
                    "setup needs kafka-clients, which this service does not ship: run it with entity-service's image");
            Quarkus.asyncExit(1);
        } catch (Exception e) {
            LOG.error("setup failed; exiting 1", e);
            Quarkus.asyncExit(1);
        }
    }

    private void createBuckets(List<String> buckets) {
        S3Client client = s3.get();
        for (String bucket : buckets) {
            try {
                client.headBucket(b -> b.bucket(bucket));
                LOG.infof("bucket %s exists", bucket);
            } catch (NoSuchBucketException e) {
                try {
                    client.createBucket(b -> b.bucket(bucket));
                    LOG.infof("bucket %s created", bucket);
                } catch (BucketAlreadyOwnedByYouException raced) {
                    LOG.infof("bucket %s created meanwhile", bucket);
                }
            }
        }
    }

    private void createTopics(List<String> topics) throws Exception {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000);
        try (Admin client = Admin.create(admin)) {
            Set<String> existing = client.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = missingTopics(
                    existing,
                    topics,
                    config.setup().topicPartitions(),
                    config.setup().topicReplicationFactor());
            for (var creation : client.createTopics(missing).values().entrySet()) {
                try {
                    creation.getValue().get(30, TimeUnit.SECONDS);
                    LOG.infof("topic %s created", creation.getKey());
                } catch (ExecutionException e) {
                    // a service or another setup run created it since the listing
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The topics of {@code wanted} not in {@code existing}, each with the configured partitions and replicas. */
    static List<NewTopic> missingTopics(
            Collection<String> existing, List<String> wanted, int partitions, short replicationFactor) {
        List<NewTopic> out = new ArrayList<>();
        for (String topic : wanted) {
            if (!existing.contains(topic)) {
                out.add(new NewTopic(topic, partitions, replicationFactor));
            }
        }
        return out;
    }
}
