package org.entitybase.testkit.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where the local stack ({@code ./entitybase stack up}) listens, for integration tests. Each
 * setting is read from a system property, then an environment variable of the same name (the
 * services' own names: VITESS_HOST, KAFKA_BROKERS, S3_ENDPOINT, ...), then the local default.
 */
public record LocalStack(
        String dbHost,
        int dbPort,
        String dbUser,
        String dbPassword,
        String kafkaBrokers,
        URI s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String s3ContentBucket,
        String s3RevisionsBucket,
        String apiPrefix,
        Optional<Path> stackDir) {

    /** One database per Vitess keyspace (LOCAL-STACK.md). */
    public static final String IDS_DATABASE = "entitybase_ids";

    public static final String ENTITY_DATABASE = "entitybase_entity";
    public static final String STATEMENT_DATABASE = "entitybase_statement";
    public static final String USER_DATABASE = "entitybase_user";
    public static final String STATS_DATABASE = "entitybase_stats";
    public static final String RDF_DATABASE = "entitybase_rdf";

    /**
     * The tests' buckets (stack.sh creates them next to the suite's): what the services use in their test profile,
     * and what {@link ServiceJar} gives the jars it starts.
     */
    public static final String TEST_CONTENT_BUCKET = "entitybase-test-content";

    public static final String TEST_REVISIONS_BUCKET = "entitybase-test-revisions";

    /** The stack as configured for this JVM. */
    public static LocalStack current() {
        return from(LocalStack::systemOrEnvironment);
    }

    /** The stack as {@code settings} describes it (null = not set, use the default). */
    public static LocalStack from(UnaryOperator<String> settings) {
        return new LocalStack(
                setting(settings, "VITESS_HOST", "127.0.0.1"),
                Integer.parseInt(setting(settings, "VITESS_PORT", "3306")),
                setting(settings, "VITESS_USER", "root"),
                setting(settings, "VITESS_PASSWORD", ""),
                setting(settings, "KAFKA_BROKERS", "127.0.0.1:9092"),
                URI.create(setting(settings, "S3_ENDPOINT", "http://127.0.0.1:9000")),
                setting(settings, "S3_ACCESS_KEY", "entitybase"),
                setting(settings, "S3_SECRET_KEY", "entitybase-secret"),
                setting(settings, "S3_CONTENT_BUCKET", TEST_CONTENT_BUCKET),
                setting(settings, "S3_REVISIONS_BUCKET", TEST_REVISIONS_BUCKET),
                setting(settings, "API_PREFIX", "/v1/entitybase"),
                stackDirectory(settings));
    }

    /** {@code jdbc:mariadb://host:port/database} for one keyspace's database. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + dbHost + ":" + dbPort + "/" + database;
    }

    /**
     * A JDBC connection to {@code database} ("" for none). Through the MariaDB driver itself, not DriverManager: after
     * a {@code @QuarkusTest} in the same JVM, DriverManager holds the driver as loaded by Quarkus' class loader and
     * answers "No suitable driver" to everyone else.
     */
    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", dbUser);
        credentials.setProperty("password", dbPassword);
        return new org.mariadb.jdbc.Driver().connect(jdbcUrl(database), credentials);
    }

    /** Drops {@code database} if it exists and creates it empty (utf8mb4, binary collation, as stack.sh does). */
    public void recreateDatabase(String database) {
        try (Connection connection = connect("");
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
            sql.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + database + " on " + jdbcUrl(""), e);
        }
    }

    /**
     * The s3proxy server jar that {@code stack.sh} fetched into {@code .stack/lib}, for tests
     * that need a private S3 they can stop and start.
     */
    public Path s3proxyJar() {
        Path lib = lib();
        try (Stream<Path> files = Files.walk(lib)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("s3proxy-") && name.endsWith("-jar-with-dependencies.jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no s3proxy jar under " + lib));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Kafka broker's jars that {@code stack.sh} fetched, for tests with a private broker. */
    public Path kafkaLibDir() {
        Path kafka = lib().resolve("kafka");
        if (!Files.isDirectory(kafka)) {
            throw new IllegalStateException("no Kafka jars in " + kafka + ": run ./entitybase stack up");
        }
        return kafka;
    }

    private Path lib() {
        return stackDir.orElseThrow(() -> new IllegalStateException(
                        "no .stack directory: run ./entitybase stack up, or set -Dentitybase.stack"))
                .resolve("lib");
    }

    private static String systemOrEnvironment(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    private static String setting(UnaryOperator<String> settings, String name, String fallback) {
        String value = settings.apply(name);
        return value != null ? value : fallback;
    }

    /**
     * {@code entitybase.stack} (Failsafe sets it to {@code <repo>/.stack}), else the first
     * {@code .stack} found from the working directory upwards.
     */
    private static Optional<Path> stackDirectory(UnaryOperator<String> settings) {
        String configured = settings.apply("entitybase.stack");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".stack");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
