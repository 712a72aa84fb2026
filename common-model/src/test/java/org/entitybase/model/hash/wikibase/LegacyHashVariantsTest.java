package org.entitybase.model.hash.wikibase;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.hash.wikibase.LegacyHashVariants.Cause;
import org.entitybase.model.snak.NoValueSnak;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.value.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.VALUE_SNAK;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.id;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.value;

/** The historical pre-image formats of HASHES.md §7. */
class LegacyHashVariantsTest {
    private static String preImage(Snak snak, SnakHashVariant variant) {
        return new String(LegacyHashVariants.snakPreImage(snak, variant), StandardCharsets.UTF_8);
    }

    @Test
    void propertyIdClassBeforeOctober2021() {
        Snak snak = value("P1659", id("P279"));
        assertThat(preImage(snak, SnakHashVariant.LEGACY_PROPERTY_ID_CLASS))
                .isEqualTo(VALUE_SNAK
                        + "130:{a:2:{i:0;s:5:\"P1659\";i:1;C:39:\"Wikibase\\DataModel\\Entity\\EntityIdValue\""
                        + ":52:{C:36:\"Wikibase\\DataModel\\Entity\\PropertyId\":4:{P279}}}}");
        String legacy = LegacyHashVariants.snakHash(snak, SnakHashVariant.LEGACY_PROPERTY_ID_CLASS);
        assertThat(legacy).isNotEqualTo(SnakHasher.hash(snak));
        assertThat(LegacyHashVariants.explainSnak(snak, legacy)).contains(Cause.LEGACY_PROPERTY_ID_CLASS);
    }

    @Test
    void itemValuesAreTheSameInThePropertyIdEra() {
        Snak snak = value("P5237", id("Q7976"));
        assertThat(LegacyHashVariants.snakHash(snak, SnakHashVariant.LEGACY_PROPERTY_ID_CLASS))
                .isEqualTo("6c54ff643a290ae5f9b384b3d255bf3708481de3");
    }

    @Test
    void pre2017NoValueUsesTheNumericId() {
        Snak snak = new NoValueSnak("P3254", null, null);
        assertThat(preImage(snak, SnakHashVariant.PRE_2017))
                .isEqualTo("C:43:\"Wikibase\\DataModel\\Snak\\PropertyNoValueSnak\":7:{i:3254;}");
    }

    @Test
    void pre2017EntityIdValueIsJson() {
        Snak snak = value("P5237", id("Q7976"));
        assertThat(preImage(snak, SnakHashVariant.PRE_2017))
                .isEqualTo(
                        VALUE_SNAK + "86:{a:2:{i:0;i:5237;i:1;C:39:\"Wikibase\\DataModel\\Entity\\EntityIdValue\":13:{"
                                + "[\"item\",7976]}}}");
        assertThat(preImage(value("P1659", id("P279")), SnakHashVariant.PRE_2017))
                .contains(":{[\"property\",279]}");
    }

    @Test
    void pre2017TimestampsAreVerbatim() {
        Snak snak = value("P569", new TimeValue("+00000001994-01-01T00:00:00Z", 0, 0, 0, 9, TimeValue.GREGORIAN));
        assertThat(preImage(snak, SnakHashVariant.PRE_2017)).contains("[\"+00000001994-01-01T00:00:00Z\",0,0,0,9,");
        assertThat(preImage(snak, SnakHashVariant.CURRENT)).contains("[\"+1994-01-01T00:00:00Z\",0,0,0,9,");
        String old = LegacyHashVariants.snakHash(snak, SnakHashVariant.PRE_2017);
        assertThat(LegacyHashVariants.explainSnak(snak, old)).contains(Cause.PRE_2017_FORMAT);
    }

    @Test
    void referencesHashTheirSnaksUnderTheVariant() {
        Snak snak = value("P248", id("Q193563"));
        Reference reference = new Reference(null, Map.of("P248", List.of(snak)), List.of("P248"));
        String old = ReferenceHasher.hashOfSnakHashes(
                new String[] {LegacyHashVariants.snakHash(snak, SnakHashVariant.PRE_2017)});
        assertThat(LegacyHashVariants.referenceHash(reference, SnakHashVariant.PRE_2017))
                .isEqualTo(old);
        assertThat(LegacyHashVariants.explainReference(reference, old)).contains(Cause.PRE_2017_FORMAT);
    }

    @Test
    void placeholdersAndUnknownHashes() {
        Snak snak = value("P5237", id("Q7976"));
        assertThat(LegacyHashVariants.explainSnak(snak, "0".repeat(40))).contains(Cause.PLACEHOLDER_HASH);
        assertThat(LegacyHashVariants.explainSnak(snak, "0".repeat(41))).contains(Cause.PLACEHOLDER_HASH);
        assertThat(LegacyHashVariants.explainSnak(snak, "1".repeat(40))).isEmpty();
    }
}
