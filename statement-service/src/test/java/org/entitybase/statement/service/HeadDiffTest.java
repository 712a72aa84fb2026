package org.entitybase.statement.service;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadDiffTest {

    @Test
    void onlyAddressesThatAppearOrDisappearMoveHeadCounts() {
        HeadDiff diff = HeadDiff.of(Map.of("b", 1, "a", 2, "c", 1), Map.of("a", 1, "d", 3, "e", 1));

        assertThat(diff.added()).containsExactly("d", "e");
        assertThat(diff.removed()).containsExactly("b", "c");
    }

    @Test
    void moreCopiesOfAStatementInTheSameHeadChangeNothing() {
        assertThat(HeadDiff.of(Map.of("a", 1), Map.of("a", 4)).isEmpty()).isTrue();
    }

    @Test
    void deleteEmptiesTheHeadAndRestoreBringsItBack() {
        Map<String, Integer> head = Map.of("a", 1, "b", 1);

        assertThat(HeadDiff.of(head, Map.of()).removed()).containsExactly("a", "b");
        assertThat(HeadDiff.of(Map.of(), head).added()).containsExactly("a", "b");
    }
}
