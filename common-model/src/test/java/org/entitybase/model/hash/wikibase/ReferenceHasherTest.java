package org.entitybase.model.hash.wikibase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.id;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.value;

/** HASHES.md §4, with the Q42 reference of statement {@code q42$E13E619F-…}. */
class ReferenceHasherTest {
    static final Snak P248 = value("P248", id("Q193563"));
    static final Snak P268 = value("P268", new StringValue("11888092r"));
    static final Snak P813 = value("P813", new TimeValue("+2013-12-07T00:00:00Z", 0, 0, 0, 11, TimeValue.GREGORIAN));

    private static Reference reference(Map<String, List<Snak>> snaks) {
        return new Reference(null, snaks, List.copyOf(snaks.keySet()));
    }

    @Test
    void q42Reference() {
        assertThat(SnakHasher.hash(P248)).isEqualTo("52af760ff9ceb914251924abe88e53af182b0f92");
        assertThat(SnakHasher.hash(P268)).isEqualTo("8721e8944f95e9ce185c270dd1e12b81d13f7e9b");
        assertThat(SnakHasher.hash(P813)).isEqualTo("6b8fcfa6afb3911fecec93ae1dff2b6b6cde5659");
        Map<String, List<Snak>> snaks = new LinkedHashMap<>();
        snaks.put("P248", List.of(P248));
        snaks.put("P268", List.of(P268));
        snaks.put("P813", List.of(P813));
        assertThat(ReferenceHasher.hash(reference(snaks))).isEqualTo("f67142030dd221e1441a10a7438323ad44f35be8");
    }

    @Test
    void joinedSortedHashesGiveTheSpecValue() {
        String[] hashes = {
            "8721e8944f95e9ce185c270dd1e12b81d13f7e9b",
            "52af760ff9ceb914251924abe88e53af182b0f92",
            "6b8fcfa6afb3911fecec93ae1dff2b6b6cde5659"
        };
        assertThat(ReferenceHasher.hashOfSnakHashes(hashes)).isEqualTo("f67142030dd221e1441a10a7438323ad44f35be8");
    }

    @Test
    void orderOfPropertiesDoesNotMatterAndDuplicatesCollapse() {
        Map<String, List<Snak>> reordered = new LinkedHashMap<>();
        reordered.put("P813", List.of(P813, P813));
        reordered.put("P268", List.of(P268));
        reordered.put("P248", List.of(P248));
        assertThat(ReferenceHasher.hash(reference(reordered))).isEqualTo("f67142030dd221e1441a10a7438323ad44f35be8");
    }

    @Test
    void emptyReferenceIsSha1OfNothing() {
        assertThat(ReferenceHasher.hash(reference(Map.of()))).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    @Test
    void phpNumericLookingHashesAreRecognized() {
        assertThat(ReferenceHasher.looksNumericToPhp("1234567890123456789012345678901234567890"))
                .isTrue();
        assertThat(ReferenceHasher.looksNumericToPhp("123e4567890123456789012345678901234567890"))
                .isTrue();
        assertThat(ReferenceHasher.looksNumericToPhp("e234567890123456789012345678901234567890"))
                .isFalse();
        assertThat(ReferenceHasher.looksNumericToPhp("52af760ff9ceb914251924abe88e53af182b0f92"))
                .isFalse();
    }
}
