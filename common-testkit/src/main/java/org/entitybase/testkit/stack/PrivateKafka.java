package org.entitybase.testkit.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker of a test's own (temp dir, free ports, the jars that
 * {@code stack.sh} fetched), so the test can kill it and start it again without touching the
 * shared local stack. Costs about 5 s and 300 MB.
 */
public final class PrivateKafka implements AutoCloseable {

    private final Path workDir;
    private final int port;
    private final ServerProcess broker;

    private PrivateKafka(Path workDir, int port, ServerProcess broker) {
        this.workDir = workDir;
        this.port = port;
        this.broker = broker;
    }

    /** Formats a fresh log dir and starts the broker; returns once it accepts connections. */
    public static PrivateKafka start(Path kafkaLibDir) {
        try {
            Path workDir = Files.createTempDirectory("entitybase-kafka-");
            int port = ServerProcess.freePort();
            int controllerPort = ServerProcess.freePort();
            Path config = Files.writeString(
                    workDir.resolve("server.properties"),
                    String.join(
                            "\n",
                            "process.roles=broker,controller",
                            "node.id=1",
                            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                            "controller.listener.names=CONTROLLER",
                            "inter.broker.listener.name=PLAINTEXT",
                            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                            "log.dirs=" + workDir.resolve("data"),
                            "offsets.topic.replication.factor=1",
                            "transaction.state.log.replication.factor=1",
                            "transaction.state.log.min.isr=1",
                            "share.coordinator.state.topic.replication.factor=1",
                            "share.coordinator.state.topic.min.isr=1",
                            "group.initial.rebalance.delay.ms=0",
                            "num.network.threads=2",
                            "num.io.threads=2",
                            "background.threads=2",
                            ""));
            Path log = workDir.resolve("kafka.log");
            format(kafkaLibDir, config, log);
            List<String> command = jvm(kafkaLibDir);
            command.add("kafka.Kafka");
            command.add(config.toString());
            ServerProcess broker = new ServerProcess("kafka", command, log, port, Duration.ofSeconds(90));
            broker.start();
            return new PrivateKafka(workDir, port, broker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the broker (SIGKILL: as abrupt as a crash) and waits until it is gone. */
    public void kill() {
        broker.kill();
    }

    /** Starts the broker again on the same ports with the same log dir. */
    public void restart() {
        broker.kill();
        broker.start();
    }

    @Override
    public void close() {
        broker.kill();
        ServerProcess.deleteTree(workDir);
    }

    private static List<String> jvm(Path kafkaLibDir) {
        return new ArrayList<>(
                List.of(ServerProcess.javaBinary(), "-Xms64m", "-Xmx256m", "-cp", kafkaLibDir.toAbsolutePath() + "/*"));
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, never starting with '-' (one id in 64
     * would, and the storage tool's parser reads it as an option: "--cluster-id: expected one argument"; Kafka's own
     * {@code Uuid.randomUuid} avoids them likewise).
     */
    static String clusterId(Random random) {
        byte[] id = new byte[16];
        String encoded;
        do {
            random.nextBytes(id);
            encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } while (encoded.startsWith("-"));
        return encoded;
    }

    private static void format(Path kafkaLibDir, Path config, Path log) throws IOException {
        List<String> command = jvm(kafkaLibDir);
        command.addAll(List.of(
                "kafka.tools.StorageTool", "format", "-t", clusterId(new SecureRandom()), "-c", config.toString()));
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("kafka storage format failed, see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
