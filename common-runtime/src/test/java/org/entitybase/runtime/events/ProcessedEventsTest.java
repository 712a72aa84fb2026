package org.entitybase.runtime.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessedEventsTest {

    @Test
    void eachConsumerNamesItsOwnTable() {
        assertThat(ProcessedEvents.insert(ProcessedEvents.DEFAULT_TABLE))
                .isEqualTo("INSERT INTO processed_events (event_id, processed_at) VALUES (?, ?)");
        assertThat(ProcessedEvents.processed("watchlist_processed_events"))
                .isEqualTo("SELECT 1 FROM watchlist_processed_events WHERE event_id = ?");
        assertThat(ProcessedEvents.prune("watchlist_processed_events"))
                .isEqualTo("DELETE FROM watchlist_processed_events WHERE processed_at < ? LIMIT ?");
    }

    @Test
    void onlyPlainIdentifiersAreSplicedIntoSql() {
        assertThatThrownBy(() -> ProcessedEvents.insert("events; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessedEvents.processed("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessedEvents.prune("Events")).isInstanceOf(IllegalArgumentException.class);
    }
}
