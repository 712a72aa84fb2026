package org.entitybase.watchlist.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.ServiceJar;

/**
 * What users run, each a packaged jar: id-allocator and entity-service (real edits, a private entity_change topic),
 * user-service (the watch routes and their tables) and watchlist-consumer itself, so a test can kill it like a crash
 * and start it again. user-service and watchlist-consumer share one fresh database, as they share the {@code user}
 * keyspace in production. Started once per test JVM, stopped when it exits.
 */
public final class NotifyStack {

    public static final String DATABASE = "entitybase_test_watchlist_it";

    /**
     * Small pages by default, so a fan-out to thousands of watchers is many statements and a kill can land between
     * two; the benchmark runs with the production 500 ({@code -Dwatchlist.fan-out-batch=500}).
     */
    public static final int FAN_OUT_BATCH = Integer.getInteger("watchlist.fan-out-batch", 100);

    private static NotifyStack current;

    private final EntityServiceUnderTest entities;
    private final ServiceJar users;
    private final ServiceJar consumer;
    private ServiceJar gateway;

    private NotifyStack(EntityServiceUnderTest entities, ServiceJar users, ServiceJar consumer) {
        this.entities = entities;
        this.users = users;
        this.consumer = consumer;
    }

    public static synchronized NotifyStack get() {
        if (current == null) {
            current = start();
            NotifyStack started = current;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return current;
    }

    private static NotifyStack start() {
        LocalStack.current().recreateDatabase(DATABASE);
        EntityServiceUnderTest entities = EntityServiceUnderTest.start("watchlist_it");
        ServiceJar users = null;
        try {
            String topic = entities.entityChangeTopic();
            users = ServiceJar.start(
                    "user-service",
                    Map.of(
                            "VITESS_DATABASE", DATABASE,
                            "KAFKA_ENTITY_CHANGE_TOPIC", topic));
            ServiceJar consumer = ServiceJar.start(
                    "watchlist-consumer",
                    Map.of(
                            "VITESS_DATABASE",
                            DATABASE,
                            "KAFKA_ENTITY_CHANGE_TOPIC",
                            topic,
                            "ENTITYBASE_WATCHLIST_CONSUMER_FAN_OUT_BATCH",
                            Integer.toString(FAN_OUT_BATCH),
                            "ENTITYBASE_WATCHLIST_CONSUMER_RETRY_MAX_BACKOFF",
                            "2s"));
            return new NotifyStack(entities, users, consumer);
        } catch (RuntimeException e) {
            if (users != null) {
                users.close();
            }
            entities.close();
            throw e;
        }
    }

    public EntityServiceUnderTest entities() {
        return entities;
    }

    /** user-service's {@code http://127.0.0.1:<port>/v1/entitybase}. */
    public String usersApi() {
        return users.apiUrl();
    }

    public ServiceJar consumer() {
        return consumer;
    }

    /** watchlist-consumer's {@code http://127.0.0.1:<port>/v1/entitybase}. */
    public String notificationsApi() {
        return consumer.apiUrl();
    }

    /** The gateway jar in front of these services (started on first use): what clients go through. */
    public synchronized ServiceJar gateway() {
        if (gateway == null) {
            gateway = ServiceJar.start(
                    "gateway",
                    Map.of(
                            "ENTITY_SERVICE_URL", entities.baseUrl(),
                            "USER_SERVICE_URL", users.baseUrl(),
                            "WATCHLIST_CONSUMER_URL", consumer.baseUrl(),
                            // the benchmark acts as its watchers through X-User-ID, as with ./entitybase up
                            "GATEWAY_AUTH_ENABLED", "false",
                            "GATEWAY_RATE_LIMIT_ENABLED", "false"));
        }
        return gateway;
    }

    private void close() {
        try {
            if (gateway != null) {
                gateway.close();
            }
            consumer.close();
        } finally {
            try {
                users.close();
            } finally {
                entities.close();
            }
        }
    }

    public static Connection database() throws SQLException {
        return LocalStack.current().connect(DATABASE);
    }

    /** The single number {@code sql} answers. */
    public static long count(String sql) {
        try (Connection db = database();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
