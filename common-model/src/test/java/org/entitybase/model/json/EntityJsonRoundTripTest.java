package org.entitybase.model.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every real entity JSON in shared/data reads and writes back to the same JSON value (compared as Jackson trees, so
 * key order and escaping do not matter), up to the documented legacy normalizations applied to the expected side.
 */
class EntityJsonRoundTripTest {
    /** Counts per kind, printed once at the end: "round-trip: 129/129 items, …". */
    private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();

    static {
        for (String kind : List.of("items", "properties", "lexemes", "mediainfo", "revisions", "wikidata-pairs")) {
            COUNTS.put(kind, new int[2]);
        }
    }

    private final WikibaseJsonReader reader = WikibaseJsonReader.lenient();
    private final WikibaseJsonWriter writer = new WikibaseJsonWriter();

    @AfterAll
    static void printCounts() {
        List<String> parts = new ArrayList<>();
        COUNTS.forEach((kind, c) -> {
            if (c[1] > 0) {
                parts.add(c[0] + "/" + c[1] + " " + kind);
            }
        });
        System.out.println("round-trip: " + String.join(", ", parts));
    }

    @Test
    void everyEntityOfTheDumpRoundTrips() {
        List<String> failures = new ArrayList<>();
        for (FixtureEntity e : WikidataFixtures.entities()) {
            String kind = switch (e.type()) {
                case "item" -> "items";
                case "property" -> "properties";
                case "lexeme" -> "lexemes";
                default -> throw new AssertionError("unexpected type " + e.type());
            };
            roundTrip(kind, e, failures);
        }
        assertThat(COUNTS.get("items")[1]).isEqualTo(129);
        assertThat(COUNTS.get("properties")[1]).isEqualTo(71);
        assertThat(COUNTS.get("lexemes")[1]).isEqualTo(8);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyMediaInfoRoundTrips() {
        List<String> failures = new ArrayList<>();
        WikidataFixtures.mediaInfo().forEach(e -> roundTrip("mediainfo", e, failures));
        assertThat(COUNTS.get("mediainfo")[1]).isEqualTo(7);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRevisionRoundTrips() {
        List<String> failures = new ArrayList<>();
        WikidataFixtures.revisions().forEach(r -> roundTrip("revisions", r.entity(), failures));
        assertThat(COUNTS.get("revisions")[1]).isEqualTo(27);
        assertThat(failures).isEmpty();
    }

    @Test
    void everySpecialEntityDataPairRoundTrips() {
        List<String> failures = new ArrayList<>();
        WikidataFixtures.wikidataPairs().forEach(p -> roundTrip("wikidata-pairs", p.entity(), failures));
        assertThat(COUNTS.get("wikidata-pairs")[1]).isEqualTo(11);
        assertThat(failures).isEmpty();
    }

    /**
     * The strict reader accepts all real data but one fixture that a test suite broke on purpose (wikibase-sdk's
     * Q970917: a statement id of another item, a repeated statement id, a 41-digit hash).
     */
    @Test
    void strictReaderRejectsOnlyTheDeliberatelyBrokenFixture() {
        Map<String, String> rejected = new TreeMap<>();
        List<FixtureEntity> all = new ArrayList<>(WikidataFixtures.entities());
        all.addAll(WikidataFixtures.mediaInfo());
        WikidataFixtures.revisions().forEach(r -> all.add(r.entity()));
        WikidataFixtures.wikidataPairs().forEach(p -> all.add(p.entity()));
        for (FixtureEntity e : all) {
            WikibaseJsonException error = catchThrowableOfType(
                    WikibaseJsonException.class,
                    () -> WikibaseJsonReader.strict().readEntity(e.json()));
            if (error != null) {
                rejected.put(e.id(), error.getMessage());
            }
        }
        assertThat(rejected).containsOnlyKeys("Q970917");
        assertThat(rejected.get("Q970917")).startsWith("claims.P569[1].mainsnak.hash: ");
    }

    private void roundTrip(String kind, FixtureEntity fixture, List<String> failures) {
        int[] count = COUNTS.computeIfAbsent(kind, k -> new int[2]);
        count[1]++;
        String failure = difference(fixture);
        if (failure == null) {
            count[0]++;
        } else {
            failures.add(kind + " " + fixture.id() + ": " + failure);
        }
    }

    /** Null when the fixture round-trips; otherwise where and how it differs. */
    private String difference(FixtureEntity fixture) {
        Entity entity;
        try {
            entity = reader.readEntity(fixture.json());
        } catch (WikibaseJsonException e) {
            return "rejected: " + e.getMessage();
        }
        byte[] written = writer.toBytes(entity);
        JsonNode expected = LegacyJsonNormalization.canonicalForm(WikidataFixtures.tree(fixture.json()));
        JsonNode actual = WikidataFixtures.tree(written);
        String diff = firstDifference(expected, actual, "");
        if (diff != null) {
            return diff;
        }
        // Canonical output is a fixed point: reading and writing it again gives the same bytes.
        byte[] rewritten = writer.toBytes(reader.readEntity(written));
        return java.util.Arrays.equals(written, rewritten) ? null : "second write differs from the first";
    }

    /** The first path where two trees differ (objects compared by key, not order), or null. */
    static String firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.equals(actual)) {
            return null;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!actual.has(name)) {
                    return path + "." + name + " missing in output";
                }
                String d = firstDifference(expected.get(name), actual.get(name), path + "." + name);
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    return path + "." + name + " added in output: " + actual.get(name);
                }
            }
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = firstDifference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
        }
        return path + ": expected " + abbreviate(expected) + " but wrote " + abbreviate(actual);
    }

    private static String abbreviate(JsonNode node) {
        String s = node.getNodeType() + " " + node;
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
