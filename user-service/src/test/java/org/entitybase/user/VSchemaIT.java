package org.entitybase.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.user.support.UserStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/vitess/user.vschema.json against the tables user-service's migrations create: every table is sharded, on
 * columns it has (the vschema once sharded user_thanks on a column it lacked), and lookup vindexes name real columns.
 */
@QuarkusTest
class VSchemaIT {

    /** watchlist-consumer's tables in the same keyspace: its own migrations, not run here. */
    private static final Set<String> OTHER_SERVICES = Set.of(
            "watchlist_notifications", "watchlist_processed_events", "watched_entity_heads", "scheduled_job_runs");

    @Test
    void everyTableIsShardedOnColumnsItHas() throws Exception {
        JsonNode vschema = new ObjectMapper().readTree(Files.readString(Path.of("../deploy/vitess/user.vschema.json")));
        Map<String, Set<String>> columns = columns();
        assertThat(columns).isNotEmpty();

        Set<String> declared = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vschema.get("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            declared.add(table.getKey());
            if (OTHER_SERVICES.contains(table.getKey())) {
                continue;
            }
            assertThat(columns).as("table %s of the vschema", table.getKey()).containsKey(table.getKey());
            JsonNode vindexes = table.getValue().get("column_vindexes");
            assertThat(vindexes).as("%s is sharded", table.getKey()).isNotEmpty();
            for (JsonNode v : vindexes) {
                assertThat(columns.get(table.getKey()))
                        .as("%s.%s", table.getKey(), v.get("column").asText())
                        .contains(v.get("column").asText());
                assertThat(vschema.get("vindexes").has(v.get("name").asText())).isTrue();
            }
        }
        for (String table : columns.keySet()) {
            if (!table.startsWith("flyway_history")) {
                assertThat(declared).as("table %s is in the vschema", table).contains(table);
            }
        }
        for (JsonNode vindex : vschema.get("vindexes")) {
            JsonNode params = vindex.get("params");
            if (params != null) {
                String table = params.get("table").asText().replaceFirst("^user\\.", "");
                assertThat(columns.get(table))
                        .contains(params.get("from").asText(), params.get("to").asText());
            }
        }
    }

    private static Map<String, Set<String>> columns() throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (Connection db = UserStack.database();
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                                + " WHERE table_schema = '" + UserStack.DATABASE + "'")) {
            while (rows.next()) {
                out.computeIfAbsent(rows.getString(1), k -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return out;
    }
}
