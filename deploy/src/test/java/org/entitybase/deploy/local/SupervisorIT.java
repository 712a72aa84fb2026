package org.entitybase.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/local/supervise.sh, which {@code ./entitybase up} runs every service under: a service that exits is started
 * again and the restart is logged; stopping the supervisor stops the service for good. A {@code sleep} stands in for
 * the service (the script does not care what it runs).
 */
class SupervisorIT {

    private static final Path SCRIPT = Path.of("local/supervise.sh").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

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
        try {
            String text = Files.readString(pidFile()).strip();
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
