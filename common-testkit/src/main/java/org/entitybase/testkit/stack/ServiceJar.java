package org.entitybase.testkit.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Entitybase service ({@code <repo>/<module>/target/quarkus-app/quarkus-run.jar}, built earlier in the
 * reactor) run as its own JVM on a free port, for tests that need another service for real: started until
 * {@code /q/health/ready} answers 200, killed like a crash, restarted on the same port.
 */
public final class ServiceJar implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final String module;
    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private ServerProcess process;

    private ServiceJar(String module, Path jar, Map<String, String> environment, int port, Path log) {
        this.module = module;
        this.jar = jar;
        this.environment = environment;
        this.port = port;
        this.log = log;
    }

    /**
     * The module's packaged jar, or an error that says how to build it. {@code -Dentitybase.service-jars=<dir>} takes
     * it from {@code <dir>/<module>/quarkus-app} instead of the module's {@code target}: a stable copy for tests
     * while someone else rebuilds that module.
     */
    public static Path jarOf(String module) {
        String copies = System.getProperty("entitybase.service-jars");
        Path jar = copies != null
                ? Path.of(copies, module, "quarkus-app", "quarkus-run.jar")
                : repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: package " + module + " first (mvn -pl " + module + " package -DskipTests)");
        }
        return jar;
    }

    /**
     * Starts {@code module}'s jar with the local stack's endpoints plus {@code environment} (which wins), on a free
     * port (QUARKUS_HTTP_PORT), in its production profile; returns once it is ready.
     */
    public static ServiceJar start(String module, Map<String, String> environment) {
        int port = ServerProcess.freePort();
        Map<String, String> env = new LinkedHashMap<>(stackEnvironment(LocalStack.current()));
        env.putAll(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Path log = Path.of("target", module + "-" + port + ".log").toAbsolutePath();
        ServiceJar service = new ServiceJar(module, jarOf(module), Map.copyOf(env), port, log);
        service.startProcess();
        return service;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code baseUrl()} plus the API prefix ({@code /v1/entitybase}). */
    public String apiUrl() {
        return baseUrl() + LocalStack.current().apiPrefix();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: as abrupt as a crash. */
    public void kill() {
        process.kill();
    }

    /** Starts it again on the same port after {@link #kill()}; returns once ready. */
    public void restart() {
        if (process.isRunning()) {
            process.kill();
        }
        startProcess();
    }

    @Override
    public void close() {
        if (process != null) {
            process.kill();
        }
    }

    private void startProcess() {
        List<String> command = List.of(ServerProcess.javaBinary(), "-Xmx256m", "-jar", jar.toString());
        process = new ServerProcess(module, command, log, port, READY_TIMEOUT, environment);
        process.start();
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        while (true) {
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isRunning() || Instant.now().isAfter(deadline)) {
                process.kill();
                throw new IllegalStateException(module + " not ready after " + READY_TIMEOUT + ", see " + log);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The services' own environment variables (README's config table) for the stack as this JVM sees it. */
    static Map<String, String> stackEnvironment(LocalStack stack) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VITESS_HOST", stack.dbHost());
        env.put("VITESS_PORT", Integer.toString(stack.dbPort()));
        env.put("VITESS_USER", stack.dbUser());
        env.put("VITESS_PASSWORD", stack.dbPassword());
        env.put("KAFKA_BROKERS", stack.kafkaBrokers());
        env.put("S3_ENDPOINT", stack.s3Endpoint().toString());
        env.put("S3_ACCESS_KEY", stack.s3AccessKey());
        env.put("S3_SECRET_KEY", stack.s3SecretKey());
        env.put("S3_CONTENT_BUCKET", stack.s3ContentBucket());
        env.put("S3_REVISIONS_BUCKET", stack.s3RevisionsBucket());
        return env;
    }

    /** Failsafe and Surefire run in the module's directory; the repository is its parent. */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("entitybase")) && Files.isDirectory(dir.resolve("common-model"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "not inside the Entitybase repository: " + Path.of("").toAbsolutePath());
    }
}
