package org.entitybase.entity.repository;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTermRepositoryTest {

    @Test
    void matchKeysFoldCaseAndCompatibilityFormsAndCollapseSpace() {
        assertThat(EntityTermRepository.matchKey("  Douglas\t ADAMS ")).isEqualTo("douglas adams");
        assertThat(EntityTermRepository.matchKey("Straße")).isEqualTo(EntityTermRepository.matchKey("STRASSE"));
        assertThat(EntityTermRepository.matchKey("ＡＢＣ ﬁ")).isEqualTo("abc fi");
        assertThat(EntityTermRepository.matchKey("ΣΟΦΟΣ")).isEqualTo(EntityTermRepository.matchKey("σοφος"));
        assertThat(EntityTermRepository.matchKey("a\u0000b")).isEqualTo("a b");
        assertThat(EntityTermRepository.matchKey("🇺🇸")).isEqualTo("🇺🇸");
        assertThat(EntityTermRepository.matchKey("x".repeat(300))).hasSize(255);
    }

    @Test
    void theSuccessorBoundsEveryStringWithThePrefix() {
        assertThat(EntityTermRepository.successor("abc")).isEqualTo("abd");
        assertThat(EntityTermRepository.successor("🇺")).isEqualTo("🇻");
        assertThat(EntityTermRepository.successor("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(EntityTermRepository.successor("a" + Character.toString(Character.MAX_CODE_POINT)))
                .isEqualTo("b");
        assertThat("🇺🇸").isGreaterThanOrEqualTo("🇺").isLessThan(EntityTermRepository.successor("🇺"));
    }
}
