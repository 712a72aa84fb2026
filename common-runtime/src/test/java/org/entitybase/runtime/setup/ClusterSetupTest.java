package org.entitybase.runtime.setup;

import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSetupTest {

    @Test
    void createsOnlyTheMissingTopicsWithTheConfiguredShape() {
        List<NewTopic> missing = ClusterSetup.missingTopics(
                Set.of("entitybase.entity_change", "other"),
                List.of("entitybase.entity_change", "entitybase.entity_diff"),
                12,
                (short) 3);

        assertThat(missing).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("entitybase.entity_diff");
            assertThat(t.numPartitions()).isEqualTo(12);
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
        });
    }
}
