package org.entitybase.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The entity under test, loaded and checked once per trial (see {@link BenchEntity}). */
@State(Scope.Benchmark)
public class EntityState {
    /** Q30: the largest real entity in the shared data (830 statements); Q42: a current Special:EntityData. */
    @Param({"Q30", "Q42"})
    public String entity;

    BenchEntity e;

    @Setup(Level.Trial)
    public void load() {
        e = BenchEntity.load(entity);
    }
}
