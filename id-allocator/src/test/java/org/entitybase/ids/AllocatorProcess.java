package org.entitybase.ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another id-allocator instance: the packaged application ({@code target/quarkus-app/quarkus-run.jar}, built by the
 * {@code package} phase before Failsafe runs) in a JVM of its own, on a free port, with the test profile: against the
 * same database as the {@code @QuarkusTest} instance.
 */
final class AllocatorProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final int port;
    private final Path log;
    private Process process;

    private AllocatorProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Starts an instance and returns once it reports ready. */
    static AllocatorProcess start() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run the package phase first (mvn -pl id-allocator verify)");
        }
        int port = freePort();
        AllocatorProcess allocator =
                new AllocatorProcess(port, jar.getParent().getParent().resolve("allocator-" + port + ".log"));
        ProcessBuilder command = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx160m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(allocator.log.toFile());
        command.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // configured as this test's own instance: same (test) database
        command.environment().put("QUARKUS_PROFILE", "test");
        try {
            allocator.process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        allocator.awaitReady();
        return allocator;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, open transactions die with their connections. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("id-allocator on port " + port + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("id-allocator exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new IllegalStateException("id-allocator not ready after " + READY_WITHIN + ", see " + log);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
