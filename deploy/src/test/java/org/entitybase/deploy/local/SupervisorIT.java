package org.entitybase.deploy.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/local/supervise.sh, which {@code ./entitybase up} runs every service under: a service that exits is started
 * again and the restart is logged; stopping the supervisor stops the service for good. A {@code sleep} stands in for
 * the service (the script does not care what it runs).
 */
class SupervisorIT {

    private static final Path SCRIPT = Path.of("local/supervise.sh").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** What ./entitybase stop gives a supervisor (its first stop after a build writes the AOT cache). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Process supervisor;

    @BeforeEach
    void startSupervisor() throws IOException {
        supervisor = new ProcessBuilder(List.of(
                        "bash",
                        SCRIPT.toString(),
                        "demo",
                        pidFile().toString(),
                        restartsFile().toString(),
                        logFile().toString(),
                        "sleep",
                        "600"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("supervisor.out").toFile())
                .start();
    }

    @AfterEach
    void stopSupervisor() throws InterruptedException {
        supervisor.destroy();
        supervisor.waitFor();
        servicePid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aKilledServiceIsStartedAgainAndTheRestartIsLogged() throws Exception {
        long first = awaitValue(this::servicePid, pid -> true);
        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        long second = awaitValue(
                this::servicePid, pid -> pid != first && ProcessHandle.of(pid).isPresent());

        assertThat(ProcessHandle.of(second).orElseThrow().isAlive()).isTrue();
        assertThat(Files.readString(restartsFile()).strip()).isEqualTo("1");
        assertThat(Files.readString(logFile()))
                .contains("[supervisor] demo exited with code 137")
                .contains("restart #1 in 1s");
    }

    @Test
    void stoppingTheSupervisorStopsTheServiceWithoutRestart() throws Exception {
        long pid = awaitValue(this::servicePid, p -> true);

        supervisor.destroy(); // SIGTERM, as ./entitybase stop sends
        assertThat(supervisor.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Files.readString(restartsFile()).strip()).isEqualTo("0");
        assertThat(Files.readString(logFile())).contains("[supervisor] demo stopped");
    }

    /**
     * A service's first stop after a build writes its AOT cache (JDK 25: the JVM assembles it at exit, seconds on a
     * busy machine). A stop arriving then must end the service and its supervisor cleanly, and the next start must
     * work from the cache that was written.
     */
    @Test
    void aStopWhileTheServiceWritesItsAotCacheEndsCleanlyAndTheNextStartUsesTheCache() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Path cache = dir.resolve("aot/demo.aot");
        Files.createDirectories(cache.getParent());

        Process first = aotSupervisor(cache);
        awaitLog("stand-in ready", 1);
        long service = awaitValue(() -> servicePid("aot"), pid -> true);
        first.destroy(); // SIGTERM: the JVM exits and writes its AOT cache meanwhile

        assertThat(first.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(service).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(Files.readString(aotLog()))
                .contains("[supervisor] aot stopped")
                .doesNotContain("restart #");
        assertThat(cache).isNotEmptyFile();

        Process second = aotSupervisor(cache);
        try {
            awaitLog("stand-in ready", 2);
            assertThat(Files.readString(aotLog())).doesNotContain("exited with code");
        } finally {
            second.destroy();
            assertThat(second.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * The same stop when the grace runs out while the cache is being written (./entitybase stop then kills the
     * service): whatever is left of the cache, the next start must work (from it, or without it).
     */
    @Test
    void aServiceKilledWhileWritingItsAotCacheStartsAgain() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Path cache = dir.resolve("aot/demo.aot");
        Files.createDirectories(cache.getParent());

        Process first = aotSupervisor(cache);
        awaitLog("stand-in ready", 1);
        long service = awaitValue(() -> servicePid("aot"), pid -> true);
        first.destroy();
        Thread.sleep(300); // the cache is being written now
        ProcessHandle.of(service).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(service).ifPresent(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        assertThat(first.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Process second = aotSupervisor(cache);
        try {
            awaitLog("stand-in ready", 2);
            long again = awaitValue(() -> servicePid("aot"), pid -> pid != service);
            Thread.sleep(1000);
            assertThat(ProcessHandle.of(again).map(ProcessHandle::isAlive)).isEqualTo(Optional.of(true));
        } finally {
            second.destroy();
            assertThat(second.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * A start runs with the CPU boost until the service's readiness URL answers 200, then every one of its threads at
     * niceness 0; a restart runs without the database migrations. Needs the right to lower niceness (root here).
     */
    @Test
    void aStartIsBoostedUntilReadyAndARestartSkipsTheMigrations() throws Exception {
        assumeTrue(canLowerNiceness(), "lowering niceness needs root or CAP_SYS_NICE");
        HttpServer readiness = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicBoolean ready = new AtomicBoolean();
        readiness.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(ready.get() ? 200 : 503, -1);
            exchange.close();
        });
        readiness.start();
        try {
            Process boosted = supervisor(
                    "boosted",
                    Map.of(
                            "READY_URL",
                            "http://127.0.0.1:" + readiness.getAddress().getPort() + "/q/health/ready"),
                    "bash",
                    "-c",
                    // a service with a second thread of execution: a background sleep the shell waits on
                    "echo \"migrations=${FLYWAY_MIGRATE_AT_START:-default}\"; sleep 600 & trap 'kill $!' TERM; wait");
            try {
                long first = awaitValue(() -> servicePid("boosted"), pid -> true);
                Thread.sleep(500);
                assertThat(niceness(first)).as("while not ready").isEqualTo(-15);

                ready.set(true);
                Instant deadline = Instant.now().plus(PATIENCE);
                while (niceness(first) != 0 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(niceness(first)).as("once ready").isZero();

                ProcessHandle.of(first).orElseThrow().destroyForcibly();
                long second = awaitValue(() -> servicePid("boosted"), pid -> pid != first);
                deadline = Instant.now().plus(PATIENCE);
                while (!Files.readString(dir.resolve("boosted.log")).contains("migrations=false")
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(Files.readString(dir.resolve("boosted.log")))
                        .contains("migrations=default")
                        .contains("migrations=false");
                assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive)).contains(true);
            } finally {
                boosted.destroy();
                boosted.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            readiness.stop(0);
        }
    }

    private static boolean canLowerNiceness() throws Exception {
        return new ProcessBuilder("nice", "-n", "-15", "true").start().waitFor() == 0;
    }

    /** The niceness of the process's main thread (field 19 of /proc/PID/stat). */
    private static int niceness(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    /** A supervisor as ./entitybase starts it: AOT_CACHE set, a JDK 25 java first on the command line. */
    private Process aotSupervisor(Path cache) throws IOException {
        return supervisor(
                "aot",
                Map.of("AOT_CACHE", cache.toString()),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                standInClasses(),
                AotStandIn.class.getName());
    }

    /** supervise.sh running {@code command} as service {@code name}, its files in the test's folder. */
    private Process supervisor(String name, Map<String, String> environment, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(
                "bash",
                SCRIPT.toString(),
                name,
                dir.resolve(name + ".pid").toString(),
                dir.resolve(name + ".restarts").toString(),
                dir.resolve(name + ".log").toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(name + "-supervisor.out").toFile()));
        pb.environment().putAll(environment);
        return pb.start();
    }

    /** The stand-in in a jar of its own: an AOT cache takes only jars on the class path, no directories. */
    private String standInClasses() throws IOException {
        Path jar = dir.resolve("stand-in.jar");
        if (!Files.exists(jar)) {
            String entry = AotStandIn.class.getName().replace('.', '/') + ".class";
            try (var in = AotStandIn.class.getClassLoader().getResourceAsStream(entry);
                    var out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return jar.toString();
    }

    private Path aotLog() {
        return dir.resolve("aot.log");
    }

    private void awaitLog(String line, int times) throws Exception {
        Instant deadline = Instant.now().plus(STOP_GRACE);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(aotLog())
                    && Files.readString(aotLog())
                                    .lines()
                                    .filter(l -> l.contains(line))
                                    .count()
                            >= times) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + line + "' not logged " + times + " times: " + Files.readString(aotLog()));
    }

    private Path pidFile() {
        return dir.resolve("demo.pid");
    }

    private Path restartsFile() {
        return dir.resolve("demo.restarts");
    }

    private Path logFile() {
        return dir.resolve("demo.log");
    }

    private Optional<Long> servicePid() {
        return servicePid("demo");
    }

    private Optional<Long> servicePid(String name) {
        try {
            String text = Files.readString(dir.resolve(name + ".pid")).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long awaitValue(Supplier<Optional<Long>> value, LongPredicate accept) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<Long> current = value.get();
            if (current.isPresent() && accept.test(current.get())) {
                return current.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no accepted value within " + PATIENCE);
    }
}
