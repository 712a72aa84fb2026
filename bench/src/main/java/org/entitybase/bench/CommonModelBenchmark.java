package org.entitybase.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.wikidata.wdtk.datamodel.interfaces.ItemDocument;

import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.json.WikibaseJsonReader;

import static org.entitybase.bench.BenchEntity.ASSEMBLER;
import static org.entitybase.bench.BenchEntity.READER;
import static org.entitybase.bench.BenchEntity.SPLITTER;
import static org.entitybase.bench.BenchEntity.WRITER;

/**
 * Average time per whole-entity operation of common-model, next to Wikidata Toolkit 0.16.0 where it has the same
 * operation. Methods ending in {@code Ours} / {@code Wdtk} are the pairs to compare; hash, split and assemble have no
 * WDTK counterpart (WDTK passes snak and reference hashes through and never computes them).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Five warm-up rounds: on the shared 2-core machine the JIT gets little CPU, and three left WDTK (Jackson databind)
// and the Q42 split still speeding up during measurement.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CommonModelBenchmark {

    /** Canonical JSON bytes → model, lenient reader (what reading stored content uses). */
    @Benchmark
    public Entity parseOurs(EntityState s) {
        return READER.readEntity(s.e.json);
    }

    /** The strict reader of the write path: also checks hash syntax, statement id owners and id uniqueness. */
    @Benchmark
    public Entity parseOursStrict(EntityState s) {
        return WikibaseJsonReader.strict().readEntity(s.e.json);
    }

    @Benchmark
    public ItemDocument parseWdtk(EntityState s) {
        return WdtkCodec.parseItem(s.e.json);
    }

    /** Model → UTF-8 JSON bytes. */
    @Benchmark
    public byte[] serializeOurs(EntityState s) {
        return WRITER.toBytes(s.e.item);
    }

    @Benchmark
    public byte[] serializeWdtk(EntityState s) {
        return WdtkCodec.toBytes(s.e.wdtkItem);
    }

    /** Bytes → model → bytes. */
    @Benchmark
    public byte[] roundTripOurs(EntityState s) {
        return WRITER.toBytes(READER.readEntity(s.e.json));
    }

    @Benchmark
    public byte[] roundTripWdtk(EntityState s) {
        return WdtkCodec.toBytes(WdtkCodec.parseItem(s.e.json));
    }

    /**
     * Recomputes every snak hash (main, qualifier, reference snaks: SHA-1 of the PHP-serialize pre-image) and every
     * reference hash, rebuilding the records: the write path's {@link HashFiller}. No WDTK equivalent.
     */
    @Benchmark
    public Entity hash(EntityState s) {
        return HashFiller.withHashes(s.e.item);
    }

    /** Entity → all content objects (RFC 8785 bytes) with their SHA-256 addresses, plus the revision manifest. */
    @Benchmark
    public SplitEntity split(EntityState s) {
        return SPLITTER.split(s.e.item);
    }

    /** Revision address + object lookup → entity; every fetched object's SHA-256 is verified on the way. */
    @Benchmark
    public Entity assemble(EntityState s) {
        SplitEntity split = s.e.split;
        return ASSEMBLER.assemble(split.revision(), split::bytes);
    }
}
