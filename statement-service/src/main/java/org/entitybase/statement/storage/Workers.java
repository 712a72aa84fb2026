package org.entitybase.statement.storage;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Blocking work (the S3 SDK client) off the event loop, its result handed back on the caller's Vert.x context. */
public final class Workers {

    private Workers() {}

    public static <T> Uni<T> run(Supplier<T> work) {
        return onCallerContext(Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** {@code uni}, emitting on the Vert.x context of whoever subscribes (if any). */
    public static <T> Uni<T> onCallerContext(Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }
}
