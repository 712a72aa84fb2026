package org.entitybase.entity.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.repository.OutboxRepository.OutboxRow;
import org.entitybase.runtime.config.EntitybaseConfig;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * Publishes outbox rows to {@code entitybase.entity_change}, keyed by entity id, and completes once the broker has
 * acknowledged every one of them. An idempotent producer with {@code acks=all} keeps the records of one key in send
 * order; all sends happen on one thread, in the order given.
 */
@ApplicationScoped
public class EntityChangePublisher {

    private final String bootstrapServers;
    private final String topic;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "entity-change-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaProducer<String, String> producer; // only touched on the sender thread

    EntityChangePublisher(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, EntitybaseConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.topic = config.streaming().entityChangeTopic();
    }

    /** Sends every row in order; the item comes when all are acknowledged, a failure when any is not. */
    public Uni<Void> publish(List<OutboxRow> rows) {
        return WorkerPool.onCallerContext(Uni.createFrom()
                .item(() -> {
                    sendAll(rows);
                    return (Void) null;
                })
                .runSubscriptionOn(sender));
    }

    private void sendAll(List<OutboxRow> rows) {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                acks.add(kafka.send(new ProducerRecord<>(topic, row.key(), row.payload())));
            }
            kafka.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing entity_change events", e);
        } catch (ExecutionException | RuntimeException e) {
            // an idempotent producer that failed may be unusable: start the next batch with a fresh one
            closeProducer();
            throw new IllegalStateException("publishing entity_change events to " + topic + " failed", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "entity-service-outbox-relay");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // bounded, so a broker outage fails the batch (and its transaction) instead of hanging the relay
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        sender.submit(this::closeProducer);
        sender.shutdown();
    }
}
