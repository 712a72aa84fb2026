package org.entitybase.entity.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code IN (?, ?, …)} lists whose length is rounded up to a power of two (the last value repeated), so that the
 * prepared-statement cache holds a handful of statements per query instead of one per list length.
 */
final class SqlLists {

    /** Longest list in one statement; longer inputs are split by the caller with {@link #chunks}. */
    static final int MAX = 256;

    private SqlLists() {}

    /** {@code template} with its single {@code %s} replaced by the placeholders for {@code size} values. */
    static String sql(String template, int size) {
        int padded = padded(size);
        StringBuilder marks = new StringBuilder(padded * 3);
        for (int i = 0; i < padded; i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return template.formatted(marks);
    }

    /** {@code prefix} values, then {@code values} padded as {@link #sql} expects. */
    static Tuple tuple(List<?> prefix, List<?> values) {
        List<Object> all = new ArrayList<>(prefix.size() + padded(values.size()));
        all.addAll(prefix);
        all.addAll(values);
        Object last = values.get(values.size() - 1);
        all.addAll(Collections.nCopies(padded(values.size()) - values.size(), last));
        return Tuple.tuple(all);
    }

    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX) {
            chunks.add(values.subList(from, Math.min(values.size(), from + MAX)));
        }
        return chunks;
    }

    static int padded(int size) {
        if (size < 1 || size > MAX) {
            throw new IllegalArgumentException("IN list of " + size + " values");
        }
        return size == 1 ? 1 : Integer.highestOneBit(size - 1) << 1;
    }
}
