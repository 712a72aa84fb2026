package org.entitybase.gateway.health;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAggregatorTest {
    @Test
    void keepsTheServiceStatusAndChecks() {
        JsonObject up = HealthAggregator.serviceStatus(
                200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"}]}");
        assertThat(up.getString("status")).isEqualTo("UP");
        assertThat(up.getJsonArray("checks").getJsonObject(0).getString("name")).isEqualTo("db");

        JsonObject down = HealthAggregator.serviceStatus(503, "{\"status\":\"DOWN\",\"checks\":[]}");
        assertThat(down.getString("status")).isEqualTo("DOWN");
    }

    @Test
    void aFailingStatusCodeIsDownWhateverTheBodySays() {
        assertThat(HealthAggregator.serviceStatus(500, "{\"status\":\"UP\"}").getString("status"))
                .isEqualTo("DOWN");
        assertThat(HealthAggregator.serviceStatus(200, "{\"id\":\"Q42\"}").getString("status"))
                .isEqualTo("DOWN");
        JsonObject garbage = HealthAggregator.serviceStatus(200, "<html>");
        assertThat(garbage.getString("status")).isEqualTo("DOWN");
        assertThat(garbage.getString("error")).contains("not a health report");
    }
}
