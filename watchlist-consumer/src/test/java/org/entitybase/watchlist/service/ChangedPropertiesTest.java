package org.entitybase.watchlist.service;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangedPropertiesTest {

    @Test
    void aFilterMatchesWhenOneOfItsPropertiesChanged() {
        ChangedProperties changed = ChangedProperties.of(Set.of("P31", "P279"));
        assertThat(changed.matches(List.of("P17", "P279"))).isTrue();
        assertThat(changed.matches(List.of("P17"))).isFalse();
    }

    @Test
    void noFilterMatchesEveryChangeEvenOneWithoutStatements() {
        assertThat(ChangedProperties.NONE.matches(null)).isTrue();
        assertThat(ChangedProperties.NONE.matches(List.of())).isTrue();
        assertThat(ChangedProperties.NONE.matches(List.of("P31"))).isFalse();
    }

    @Test
    void everythingMatchesEveryFilter() {
        assertThat(ChangedProperties.EVERYTHING.matches(List.of("P31"))).isTrue();
    }

    @Test
    void storedFiltersAreCommaSeparatedAndEmptyMeansEveryChange() {
        assertThat(ChangedProperties.parseFilter("P31,P279")).containsExactly("P31", "P279");
        assertThat(ChangedProperties.parseFilter("")).isNull();
        assertThat(ChangedProperties.parseFilter(null)).isNull();
    }
}
