package org.entitybase.entity.repository;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlListsTest {

    @Test
    void listsArePaddedToPowersOfTwo() {
        assertThat(SqlLists.padded(1)).isEqualTo(1);
        assertThat(SqlLists.padded(2)).isEqualTo(2);
        assertThat(SqlLists.padded(3)).isEqualTo(4);
        assertThat(SqlLists.padded(5)).isEqualTo(8);
        assertThat(SqlLists.padded(256)).isEqualTo(256);
        assertThat(SqlLists.sql("x IN (%s)", 3)).isEqualTo("x IN (?, ?, ?, ?)");
        assertThat(SqlLists.tuple(List.of("first"), List.of("a", "b", "c")).size())
                .isEqualTo(5);
        assertThat(SqlLists.tuple(List.of(), List.of("a", "b", "c")).getString(3))
                .isEqualTo("c");
    }

    @Test
    void longListsAreChunked() {
        List<Integer> values = IntStream.range(0, 600).boxed().toList();
        assertThat(SqlLists.chunks(values)).extracting(List::size).containsExactly(256, 256, 88);
    }
}
