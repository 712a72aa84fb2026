package org.entitybase.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep insertion order: Wikibase JSON order is part of what we round-trip. */
public final class Immutables {
    private Immutables() {}

    public static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static <K, V> Map<K, List<V>> orderedMultimap(Map<K, List<V>> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<K, List<V>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
