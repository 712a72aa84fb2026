package org.entitybase.user.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.PrivateS3Proxy;

/**
 * user-service's ITs: the real write path (id-allocator and entity-service jars on fresh databases, a private
 * entity_change topic) and an s3proxy of the test's own that both share, so a test can stop the owners of what
 * user-service checks (entity-service for revisions, S3 for statements) and start them again. user-service gets a
 * fresh database too, so its tables hold exactly what these tests caused.
 */
public class UserStack implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "entitybase_test_user_it";

    /** Small, so the 422 of a full watchlist is reached quickly (production default 10,000). */
    public static final int WATCHLIST_LIMIT = 5;

    private static volatile EntityServiceUnderTest entities;
    private static volatile PrivateS3Proxy s3;

    public static EntityServiceUnderTest entities() {
        return entities;
    }

    public static PrivateS3Proxy s3() {
        return s3;
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
        entities = EntityServiceUnderTest.start("user_it", Map.of("S3_ENDPOINT", s3Endpoint));
        String host = stack.dbHost() + ":" + stack.dbPort() + "/" + DATABASE;
        return Map.of(
                "entitybase.user.watchlist-limit",
                Integer.toString(WATCHLIST_LIMIT),
                "quarkus.s3.endpoint-override",
                s3Endpoint,
                "quarkus.datasource.reactive.url",
                "mysql://" + host,
                "quarkus.datasource.jdbc.url",
                "jdbc:mariadb://" + host);
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

    /** A JDBC connection to user-service's test database. */
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
