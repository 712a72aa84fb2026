package org.entitybase.entity.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.entitybase.testkit.stack.LocalStack;

/**
 * A plain consumer of a topic from "now" on, in a group of its own: it sees exactly what is published after it was
 * opened, whatever other consumers have read.
 */
public final class EventTap implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public EventTap(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBrokers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "entity-service-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test publishes
    }

    /** Records with {@code key}, in partition order, once {@code count} of them arrived (or the time is up). */
    public List<ConsumerRecord<String, String>> await(String key, int count, Duration within) {
        return await(r -> key.equals(r.key()), count, within);
    }

    public List<ConsumerRecord<String, String>> await(
            Predicate<ConsumerRecord<String, String>> wanted, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (matching(wanted).size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return matching(wanted);
    }

    private List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> wanted) {
        return seen.stream().filter(wanted).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
