package org.entitybase.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import static org.entitybase.bench.BenchEntity.READER;
import static org.entitybase.bench.BenchEntity.WRITER;

/**
 * Entities per second through bytes → model → bytes, one thread: the figure an import or a dump replay wants. The
 * same operations as {@link CommonModelBenchmark}'s roundTrip pair, kept apart so each class has one time unit (ops/s
 * here, µs/op there); the other operations' rates are 10⁶ / (µs/op) of that class.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Warm-up as in CommonModelBenchmark: with three rounds WDTK was still speeding up during measurement.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CodecThroughputBenchmark {

    @Benchmark
    public byte[] roundTripOurs(EntityState s) {
        return WRITER.toBytes(READER.readEntity(s.e.json));
    }

    @Benchmark
    public byte[] roundTripWdtk(EntityState s) {
        return WdtkCodec.toBytes(WdtkCodec.parseItem(s.e.json));
    }
}
