package org.entitybase.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, next to JMH's wall-clock score: {@code -prof org.entitybase.bench.CpuTimeProfiler}.
 *
 * <p>The project machine is shared (load 3–10 on 2 cores during our runs), so wall time per operation moved by up to
 * 6× between runs and even flipped which side was faster. CPU time leaves out the time a thread waits for a core:
 *
 * <ul>
 *   <li>{@code cpu.thread}: CPU of the JMH worker threads, the benchmarked code itself;
 *   <li>{@code cpu.process}: CPU of the whole forked JVM, so also the GC and JIT work the code causes (and JMH's own
 *       idle bookkeeping), the fairer figure for allocation-heavy code.
 * </ul>
 *
 * Both are divided by all operations of the iteration, as {@code -prof gc} does for allocation.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** JMH names its benchmark threads {@code <benchmark>-jmh-worker-<n>}. */
    private static final String WORKER_MARK = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Map<Long, Long> workersBefore = Map.of();
    private long processBefore;

    public CpuTimeProfiler() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
    }

    @Override
    public String getDescription() {
        return "CPU time per operation: JMH worker threads and the whole JVM (GC, JIT included)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersBefore = workerCpuNanos();
        processBefore = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long process = os.getProcessCpuTime() - processBefore;
        long worker = 0;
        // Per thread id, so a worker started during the iteration counts from zero.
        for (Map.Entry<Long, Long> now : workerCpuNanos().entrySet()) {
            worker += now.getValue() - workersBefore.getOrDefault(now.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        if (ops == 0 || worker == 0) {
            return List.of();
        }
        return List.of(perOp("cpu.thread", worker, ops), perOp("cpu.process", process, ops));
    }

    private static ScalarResult perOp(String label, long nanos, long ops) {
        return new ScalarResult(label, nanos / 1_000.0 / ops, "us/op", AggregationPolicy.AVG);
    }

    private Map<Long, Long> workerCpuNanos() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER_MARK)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
