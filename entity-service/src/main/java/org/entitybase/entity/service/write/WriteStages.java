package org.entitybase.entity.service.write;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/** {@code entitybase_entity_write_stage_seconds{stage}}: where a write spends its time. */
public final class WriteStages {

    private WriteStages() {}

    public static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder("entitybase.entity.write.stage")
                .description(
                        "time of one stage of an entity write: prepare (validate, hash, split), store (pack PUT), commit")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry);
    }

    public static <T> Uni<T> timed(Timer timer, Uni<T> stage) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return stage.onItemOrFailure().invoke(() -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }
}
