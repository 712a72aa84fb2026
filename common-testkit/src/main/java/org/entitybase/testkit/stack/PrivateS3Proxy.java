package org.entitybase.testkit.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An s3proxy server of a test's own (filesystem backend in a temp dir, a free port), so the test
 * can kill it and start it again without touching the shared local stack. Buckets are created as
 * directories before the first start, the way the filesystem backend stores them.
 */
public final class PrivateS3Proxy implements AutoCloseable {

    private final Path workDir;
    private final int port;
    private final ServerProcess server;

    private PrivateS3Proxy(Path workDir, int port, ServerProcess server) {
        this.workDir = workDir;
        this.port = port;
        this.server = server;
    }

    /** Starts a proxy with {@code buckets}, answering to the given static credentials. */
    public static PrivateS3Proxy start(Path jar, String accessKey, String secretKey, List<String> buckets) {
        try {
            Path workDir = Files.createTempDirectory("entitybase-s3proxy-");
            Path data = Files.createDirectories(workDir.resolve("data"));
            for (String bucket : buckets) {
                Files.createDirectories(data.resolve(bucket));
            }
            int port = ServerProcess.freePort();
            Path properties = Files.writeString(
                    workDir.resolve("s3proxy.properties"),
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + accessKey,
                            "s3proxy.credential=" + secretKey,
                            "s3proxy.virtual-host=",
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir=" + data,
                            ""));
            ServerProcess server = new ServerProcess(
                    "s3proxy",
                    List.of(
                            ServerProcess.javaBinary(),
                            "-Xmx128m",
                            "-jar",
                            jar.toString(),
                            "--properties",
                            properties.toString()),
                    workDir.resolve("s3proxy.log"),
                    port,
                    Duration.ofSeconds(60));
            server.start();
            return new PrivateS3Proxy(workDir, port, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Kills the server (SIGKILL: as abrupt as a crash) and waits until it is gone. */
    public void kill() {
        server.kill();
    }

    /** Starts the server again on the same port with the same data. */
    public void restart() {
        server.kill();
        server.start();
    }

    @Override
    public void close() {
        server.kill();
        ServerProcess.deleteTree(workDir);
    }
}
