package org.entitybase.bench;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark inputs are the entities the docs describe, and their setup checks pass. */
class BenchEntityTest {

    @Test
    void q30IsTheDumpLineWithAllItsStatements() {
        BenchEntity q30 = BenchEntity.load("Q30");

        assertThat(q30.json).hasSize(647_954);
        assertThat(q30.statements).isEqualTo(830);
        assertThat(q30.snaks).isEqualTo(1_923);
        assertThat(q30.references).isEqualTo(206);
        assertThat(q30.wdtkItem.getSiteLinks()).hasSize(360);
    }

    @Test
    void q42IsCutOutOfTheEnvelopeByteForByte() {
        BenchEntity q42 = BenchEntity.load("Q42");

        String text = new String(q42.json, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("{\n      \"pageid\": 138,").endsWith("}");
        assertThat(text).doesNotContain("\"entities\"");
        assertThat(q42.statements).isEqualTo(332);
        assertThat(q42.snaks).isEqualTo(977);
        assertThat(q42.references).isEqualTo(149);
        assertThat(q42.item.page().lastRevisionId()).isEqualTo(2_441_354_823L);
    }

    @Test
    void anUnknownEntityIsRefused() {
        assertThatThrownBy(() -> SharedData.entityBytes("Q1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Q1");
    }
}
