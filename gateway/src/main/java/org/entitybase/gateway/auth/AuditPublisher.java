package org.entitybase.gateway.auth;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;

/**
 * Sends audit records to the audit topic (docs/AUDIT-EVENTS.md), keyed by audit id, where user-service keeps them
 * for {@code GET /audit}. Sends run on one thread of their own (a producer may block while the broker is away, never
 * on the event loop) behind a bounded queue: past it, or when the broker refuses, the record is dropped with a warning
 * and the log line ({@link AuditLog}) is what remains of it.
 */
@Singleton
public class AuditPublisher {
    private static final Logger LOG = Logger.getLogger(AuditLog.CATEGORY);
    private static final int QUEUE = 10_000;

    private final String bootstrapServers;
    private final String topic;
    private final boolean enabled;
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            task -> {
                Thread thread = new Thread(task, "audit-publisher");
                thread.setDaemon(true);
                return thread;
            },
            (task, executor) -> dropped());
    private KafkaProducer<String, String> producer; // only touched on the sender thread

    AuditPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, AuthConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.topic = config.audit().topic();
        this.enabled = config.audit().publish();
    }

    /** Queues the record for the topic; never blocks the caller. */
    void publish(JsonObject record) {
        if (!enabled) {
            return;
        }
        String key = record.getString("audit_id");
        String value = record.encode();
        sender.execute(() -> send(key, value));
    }

    private void send(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
                if (failure != null) {
                    dropped();
                    LOG.warnf("audit record %s not published to %s: %s", key, topic, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            dropped();
            LOG.warnf("audit record %s not published to %s: %s", key, topic, e.toString());
        }
    }

    private void dropped() {
        long count = dropped.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            LOG.warnf("%d audit records not published (the gateway log keeps their lines)", count);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-audit");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // a broker outage costs at most this per send before the record is given up (and counted)
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * 1024 * 1024);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    void close() {
        sender.execute(() -> {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        });
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
