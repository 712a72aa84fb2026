package org.entitybase.testkit.stack;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateKafkaTest {

    @Test
    void clusterIdsAreSixteenBytesAndNeverStartWithADash() {
        Random random = new Random(42);
        int dashFirstByChance = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = PrivateKafka.clusterId(random);
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
            byte[] raw = new byte[16];
            random.nextBytes(raw);
            if (Base64.getUrlEncoder().withoutPadding().encodeToString(raw).startsWith("-")) {
                dashFirstByChance++;
            }
        }
        // the case exists: about one plain encoding in 64 starts with '-' (CI failed on one)
        assertThat(dashFirstByChance).isGreaterThan(50);
    }
}
