package org.entitybase.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.SplitBeforeCanonicalLeaves;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.term.Term;

/**
 * Heap allocated by the common-model part of one write (issue 9): strict parse of the request body, every hash
 * computed, split into content objects. {@code writeBefore} splits as the write path did before its leaves were
 * written canonically from the model ({@link SplitBeforeCanonicalLeaves}), {@code writeAfter} as it does now; the
 * {@code split*} pair isolates the split. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is B/op.
 *
 * <p>Entities: {@code Q30}, the largest real item (648 KB); {@code P300}, a string property with 300 labels and 300
 * descriptions (the languages and labels of Q30, ~50 KB), the bodies that exhausted entity-service's heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WriteAllocationBenchmark {

    private static final EntitySplitter AFTER = new EntitySplitter();
    private static final SplitBeforeCanonicalLeaves BEFORE = new SplitBeforeCanonicalLeaves();

    @State(Scope.Benchmark)
    public static class Body {
        @Param({"Q30", "P300"})
        public String entity;

        byte[] json;
        Entity hashed;

        @Setup(Level.Trial)
        public void load() {
            json = "P300".equals(entity) ? property300() : SharedData.entityBytes(entity);
            hashed = HashFiller.withHashes(WikibaseJsonReader.strict().readEntity(json));
            SplitEntity before = BEFORE.split(hashed);
            SplitEntity after = AFTER.split(hashed);
            if (!before.revision().equals(after.revision())
                    || !before.objects().keySet().equals(after.objects().keySet())) {
                throw new IllegalStateException(entity + ": the two splits differ");
            }
        }
    }

    @Benchmark
    public SplitEntity writeBefore(Body b) {
        return BEFORE.split(HashFiller.withHashes(WikibaseJsonReader.strict().readEntity(b.json)));
    }

    @Benchmark
    public SplitEntity writeAfter(Body b) {
        return AFTER.split(HashFiller.withHashes(WikibaseJsonReader.strict().readEntity(b.json)));
    }

    @Benchmark
    public SplitEntity splitBefore(Body b) {
        return BEFORE.split(b.hashed);
    }

    @Benchmark
    public SplitEntity splitAfter(Body b) {
        return AFTER.split(b.hashed);
    }

    /** A string property with 300 labels and 300 descriptions in the languages of Q30's labels. */
    static byte[] property300() {
        Item q30 = (Item) WikibaseJsonReader.lenient().readEntity(SharedData.entityBytes("Q30"));
        List<Map.Entry<String, Term>> labels =
                new ArrayList<>(q30.fingerprint().labels().entrySet());
        StringBuilder json = new StringBuilder("{\"type\":\"property\",\"datatype\":\"string\",\"labels\":{");
        for (int i = 0; i < 300; i++) {
            String lang = labels.get(i).getKey();
            json.append(i == 0 ? "" : ",")
                    .append("\"")
                    .append(lang)
                    .append("\":{\"language\":\"")
                    .append(lang)
                    .append("\",\"value\":\"")
                    .append(quote(labels.get(i).getValue().value()))
                    .append(" property ")
                    .append(i)
                    .append("\"}");
        }
        json.append("},\"descriptions\":{");
        for (int i = 0; i < 300; i++) {
            String lang = labels.get(i).getKey();
            json.append(i == 0 ? "" : ",")
                    .append("\"")
                    .append(lang)
                    .append("\":{\"language\":\"")
                    .append(lang)
                    .append("\",\"value\":\"a property about ")
                    .append(quote(labels.get(i).getValue().value()))
                    .append(", described in ")
                    .append(lang)
                    .append(" for load tests\"}");
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static char[] quote(String s) {
        return JsonStringEncoder.getInstance().quoteAsString(s);
    }
}
