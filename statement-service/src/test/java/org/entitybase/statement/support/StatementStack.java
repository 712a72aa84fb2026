package org.entitybase.statement.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.PrivateS3Proxy;

/**
 * The real write path for statement-service's ITs: id-allocator and entity-service jars on fresh databases, a private
 * entity_change topic, and an s3proxy of the test's own, shared by entity-service and the service under test (the
 * cleanup IT deletes objects with a grace of 0: it must never see another run's packs). statement-service gets a
 * fresh database too, so its tables hold exactly what these tests caused.
 *
 * <p>{@code EntityServiceUnderTest}, given the private S3.
 */
public class StatementStack implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "entitybase_test_statement_it";

    /** entity-service's database ({@code EntityServiceUnderTest}'s naming for the label {@code statement_it}). */
    public static final String ENTITY_DATABASE = "entitybase_test_statement_it_entity";

    private static volatile String topic;
    private static volatile String entityApiUrl;
    private static volatile String entityBaseUrl;

    private PrivateS3Proxy s3;
    private EntityServiceUnderTest entities;

    /** The private entity_change topic. */
    public static String topic() {
        return topic;
    }

    private static volatile EntityServiceUnderTest running;

    /** The entity-service (and id-allocator) jars the tests write through: an IT kills and restarts it. */
    public static EntityServiceUnderTest entities() {
        return running;
    }

    /** entity-service's {@code http://127.0.0.1:<port>/v1/entitybase}. */
    public static String entityApi() {
        return entityApiUrl;
    }

    /** entity-service's base URL, for its internal routes (outside the API prefix). */
    public static String entityBase() {
        return entityBaseUrl;
    }

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.current();
        stack.recreateDatabase(DATABASE);
        s3 = PrivateS3Proxy.start(
                stack.s3proxyJar(),
                stack.s3AccessKey(),
                stack.s3SecretKey(),
                List.of(stack.s3ContentBucket(), stack.s3RevisionsBucket()));
        String s3Endpoint = s3.endpoint().toString();
        entities = EntityServiceUnderTest.start(
                "statement_it",
                // the cleanup IT plants a pack and waits this long before a cleanup with grace 0
                Map.of("S3_ENDPOINT", s3Endpoint, "ENTITYBASE_ENTITY_CLEANUP_MIN_AGE", "2s"));
        running = entities;
        topic = entities.entityChangeTopic();
        entityApiUrl = entities.apiUrl();
        entityBaseUrl = entities.baseUrl();
        String host = stack.dbHost() + ":" + stack.dbPort() + "/" + DATABASE;
        return Map.of(
                "entitybase.streaming.entity-change-topic",
                topic,
                "quarkus.s3.endpoint-override",
                s3Endpoint,
                "quarkus.datasource.reactive.url",
                "mysql://" + host,
                "quarkus.datasource.jdbc.url",
                "jdbc:mariadb://" + host,
                // the tests plant objects and wait this long before a cleanup with grace 0
                "entitybase.statement.cleanup.min-age",
                "2s",
                "entitybase.statement.consumer.retry-max-backoff",
                "2s");
    }

    @Override
    public void stop() {
        try {
            if (entities != null) {
                entities.close();
            }
        } finally {
            if (s3 != null) {
                s3.close();
            }
        }
    }

    /** A JDBC connection to statement-service's test database. */
    public static Connection database() throws SQLException {
        return LocalStack.current().connect(DATABASE);
    }
}
