package org.entitybase.stats;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.PrivateKafka;

/**
 * Points the service at a Kafka broker of its own and hands it to the test's
 * {@link PrivateKafka} field so the test may kill and restart it.
 */
public class PrivateKafkaResource implements QuarkusTestResourceLifecycleManager {

    private PrivateKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = PrivateKafka.start(LocalStack.current().kafkaLibDir());
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafka, new TestInjector.MatchesType(PrivateKafka.class));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
