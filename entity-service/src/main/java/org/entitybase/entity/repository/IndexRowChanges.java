package org.entitybase.entity.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One entity's rows of an index table ({@code lexeme_terms}, {@code entity_terms}) going from {@code before} to
 * {@code after}, keyed by their primary key: the keys gone are deleted, the keys new or with a changed value upserted,
 * the rest untouched. Each row by its primary key: a {@code DELETE … WHERE entity = ?} of a new entity locked the gap
 * its rows go into, and parallel creates deadlocked on their inserts into that gap (issue 9).
 */
final class IndexRowChanges {

    private IndexRowChanges() {}

    static <K, V> Uni<Void> apply(
            SqlConnection connection,
            Map<K, V> before,
            Map<K, V> after,
            String delete,
            Function<K, Tuple> deleteArgs,
            String upsert,
            BiFunction<K, V, Tuple> upsertArgs) {
        List<Tuple> removed = new ArrayList<>();
        before.keySet().stream()
                .filter(key -> !after.containsKey(key))
                .forEach(key -> removed.add(deleteArgs.apply(key)));
        List<Tuple> written = new ArrayList<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                written.add(upsertArgs.apply(key, value));
            }
        });
        Uni<Void> deletes = removed.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(delete).executeBatch(removed).replaceWithVoid();
        if (written.isEmpty()) {
            return deletes;
        }
        return deletes.flatMap(ignored ->
                connection.preparedQuery(upsert).executeBatch(written).replaceWithVoid());
    }
}
