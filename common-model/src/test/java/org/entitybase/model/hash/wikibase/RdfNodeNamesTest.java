package org.entitybase.model.hash.wikibase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HASHES.md §5.4–§5.6. */
class RdfNodeNamesTest {
    @Test
    void statementLocalNames() {
        assertThat(RdfNodeNames.statementLocalName("Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9"))
                .isEqualTo("Q42-F078E5B3-F9A8-480E-B7AC-D97778CBBEF9");
        assertThat(RdfNodeNames.statementLocalName("q42$39F4DE4F-C277-449C-9F99-512350971B5B"))
                .isEqualTo("q42-39F4DE4F-C277-449C-9F99-512350971B5B");
        assertThat(RdfNodeNames.statementLocalName("L42-F1$93649f03-4b15-4fe4-b8c6-4f6a3e1b1a3b"))
                .isEqualTo("L42-F1-93649f03-4b15-4fe4-b8c6-4f6a3e1b1a3b");
    }

    @Test
    void nonAsciiIsReplacedPerUtf8Byte() {
        assertThat(RdfNodeNames.statementLocalName("Q1$ä€x")).isEqualTo("Q1------x");
    }

    @Test
    void someValueLabels() {
        String parent = RdfNodeNames.statementLocalName("Q1$f5a3234b-4efc-6839-a077-99ce96a91cee");
        String snakHash = "d832ab2bf840bfe4b88090721978d092f38b17da";
        assertThat(RdfNodeNames.someValueLabel(parent, RdfNodeNames.PROP_STATEMENT_NAMESPACE, snakHash))
                .isEqualTo("4d58a6b70e88fdaadeebc9008e7c1b26");
        assertThat(RdfNodeNames.someValueLabel(parent, RdfNodeNames.PROP_DIRECT_NAMESPACE, snakHash))
                .isEqualTo("b44bd2de8cd17f4088fdc432c05805a2");
    }

    @Test
    void complementOfLabel() {
        assertThat(RdfNodeNames.complementOfLabel("P17")).isEqualTo("67baa1dbbc8d4f6b0b3d4a74a3ee0290");
        assertThat(RdfNodeNames.complementOfLabel("wikidata", "P17")).isEqualTo("67baa1dbbc8d4f6b0b3d4a74a3ee0290");
    }
}
