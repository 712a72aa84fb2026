package org.entitybase.stats;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.runtime.health.KafkaReadinessCheck;
import org.entitybase.testkit.stack.PrivateKafka;
import org.entitybase.testkit.stack.ReadinessProbe;
import org.entitybase.testkit.stack.ReadinessProbe.Reading;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows Kafka: DOWN (503) soon after the broker dies, UP again once it is back. */
@QuarkusTest
@WithTestResource(PrivateKafkaResource.class)
class KafkaReadinessIT {

    /** The check's 3 s timeout plus polling. */
    private static final Duration NOTICE_WITHIN = Duration.ofSeconds(8);

    /** A restarted broker needs a few seconds to elect itself controller again. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(45);

    /** SmallRye's check of the Kafka channels. */
    private static final String MESSAGING_CHECK = "SmallRye Reactive Messaging - readiness check";

    PrivateKafka kafka; // injected by PrivateKafkaResource

    @Test
    void readinessGoesDownWithKafkaAndComesBackWithIt() {
        ReadinessProbe.awaitCheck(KafkaReadinessCheck.NAME, "UP", BACK_WITHIN);

        kafka.kill();
        Duration down = ReadinessProbe.awaitCheck(KafkaReadinessCheck.NAME, "DOWN", NOTICE_WITHIN);
        Reading whileDown = ReadinessProbe.read();
        assertThat(whileDown.httpStatus()).isEqualTo(503);
        // the entity_change channel's check follows its consumer, which notices the broker's loss on its own time
        assertThat(whileDown.checkStatuses())
                .hasSizeGreaterThan(1)
                .containsEntry(KafkaReadinessCheck.NAME, "DOWN")
                .allSatisfy((name, status) -> {
                    if (!name.equals(KafkaReadinessCheck.NAME) && !name.equals(MESSAGING_CHECK)) {
                        assertThat(status).as(name).isEqualTo("UP");
                    }
                });

        kafka.restart();
        Duration up = ReadinessProbe.awaitCheck(KafkaReadinessCheck.NAME, "UP", BACK_WITHIN);
        assertThat(ReadinessProbe.read().httpStatus()).isEqualTo(200);

        System.out.printf(
                "Kafka readiness: DOWN after %d ms, UP again %d ms after restart%n", down.toMillis(), up.toMillis());
    }
}
