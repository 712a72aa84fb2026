package org.entitybase.entity;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.entitybase.entity.events.OutboxRelay;
import org.entitybase.entity.support.EntityDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code STREAMING_ENABLED=false}: edits commit as usual and their events stay in the outbox. */
@QuarkusTest
@TestProfile(StreamingDisabledIT.NoStreaming.class)
class StreamingDisabledIT {

    public static class NoStreaming implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("entitybase.streaming.enabled", "false");
        }
    }

    @Inject
    OutboxRelay relay;

    @Test
    void eventsStayInTheOutbox() throws InterruptedException {
        assertThat(relay.isRunning()).isFalse();
        String id = EntityApiIT.createdId("items", EntityApiIT.item("not streamed"));
        Thread.sleep(1500); // longer than a poll interval
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM outbox WHERE event_key = ? AND sent_at IS NULL", id))
                .isEqualTo(1);
    }
}
