package org.entitybase.stats.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;

/**
 * The real write path for stats-workers' ITs: id-allocator and entity-service jars on fresh databases (their events on
 * a private topic), and stats-workers on a fresh database of its own, consuming a second private topic that the test
 * fills from entity-service's events (moved to yesterday where the script says so: the daily jobs finalise past days
 * only).
 */
public class StatsStack implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "entitybase_test_stats_it";

    private static volatile EntityServiceUnderTest running;
    private static volatile String replayTopic;

    private EntityServiceUnderTest entities;

    public static EntityServiceUnderTest entities() {
        return running;
    }

    /** The topic stats-workers consumes. */
    public static String replayTopic() {
        return replayTopic;
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.current();
        stack.recreateDatabase(DATABASE);
        entities = EntityServiceUnderTest.start("stats_it");
        running = entities;
        replayTopic = "entitybase.it.stats_replay." + System.currentTimeMillis() + ".entity_change";
        String host = stack.dbHost() + ":" + stack.dbPort() + "/" + DATABASE;
        return Map.of(
                "entitybase.streaming.entity-change-topic",
                replayTopic,
                "quarkus.datasource.reactive.url",
                "mysql://" + host,
                "quarkus.datasource.jdbc.url",
                "jdbc:mariadb://" + host,
                "entitybase.stats.consumer.retry-max-backoff",
                "2s");
    }

    @Override
    public void stop() {
        if (entities != null) {
            entities.close();
        }
    }

    public static Connection database() throws SQLException {
        return LocalStack.current().connect(DATABASE);
    }
}
