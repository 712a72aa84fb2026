package org.entitybase.rdf.mapping;

import org.junit.jupiter.api.Test;

import org.entitybase.model.hash.wikibase.ValueNodeHasher;
import org.entitybase.model.value.QuantityValue;

import static org.assertj.core.api.Assertions.assertThat;

class UnitConversionTableTest {
    private static final String ACME = "http://acme.test/";

    private final UnitConversionTable table = UnitConversionTable.builder(ACME)
            .conversion("Q123", "123.45", "Q345")
            .standardUnit("Q345")
            .conversion("Q0", "0", "Q345")
            .build();

    @Test
    void boundedValuesAreRoundedToTheirUncertaintyAsWikibaseDoes() {
        // Wikibase UnitConverterTest::testBounds
        QuantityValue converted =
                table.toStandardUnits(new QuantityValue("+0.111", ACME + "Q123", "+0.1150", "+0.1105"));

        assertThat(converted).isEqualTo(new QuantityValue("+13.70", ACME + "Q345", "+14.20", "+13.64"));
    }

    @Test
    void exactBoundsKeepTheProductsDecimals() {
        QuantityValue converted = table.toStandardUnits(new QuantityValue("+0.131", "Q123", "+0.131", "+0.131"));

        assertThat(converted.amount()).isEqualTo("+16.17195");
        assertThat(converted.unit()).isEqualTo(ACME + "Q345");
    }

    @Test
    void unboundedValuesAreMultipliedExactly() {
        QuantityValue converted =
                table.toStandardUnits(new QuantityValue("-0.00000000000000000016", ACME + "Q123", null, null));

        assertThat(converted).isEqualTo(new QuantityValue("-0.0000000000000000197520", ACME + "Q345", null, null));
    }

    @Test
    void kilometresOnWikidataNameTheNodeWikidataHas() {
        // Q1's diameter: wdv:c9952c0e… normalizes to wdv:f44b8bf0… (HASHES.md §5.2)
        String wd = RdfVocabulary.WIKIDATA_CONCEPT_BASE;
        QuantityValue km = new QuantityValue("+880000000000000000000000", wd + "Q828224", null, null);
        UnitConverter wikidata = UnitConversionTable.builder(wd)
                .conversion("Q828224", "1000", "Q11573")
                .build();

        QuantityValue metres = wikidata.toStandardUnits(km);

        assertThat(metres.amount()).isEqualTo("+880000000000000000000000000");
        assertThat(ValueNodeHasher.hash(metres)).isEqualTo("f44b8bf01e9ee296022ea2ea04572dd5");
    }

    @Test
    void standardUnitsAreTheirOwnNormalization() {
        QuantityValue value = new QuantityValue("+42", ACME + "Q345", null, null);

        assertThat(table.toStandardUnits(value)).isSameAs(value);
    }

    @Test
    void unitlessUnknownAndZeroFactorValuesAreNotConverted() {
        assertThat(table.toStandardUnits(new QuantityValue("+42", "1", null, null)))
                .isNull();
        assertThat(table.toStandardUnits(new QuantityValue("+42", ACME + "Q999", null, null)))
                .isNull();
        assertThat(table.toStandardUnits(new QuantityValue("+42", ACME + "Q0", null, null)))
                .isNull();
    }
}
