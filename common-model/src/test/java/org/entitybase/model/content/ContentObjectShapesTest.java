package org.entitybase.model.content;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SomeValueSnak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Rank;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the exact bytes of each kind of content object. Addresses are forever: any change to these shapes (or to the
 * Wikibase JSON the leaves come from) re-addresses all stored content, so it must be deliberate, never incidental.
 */
class ContentObjectShapesTest {
    private static final Snak P31_Q5 = new ValueSnak(
            "P31", "wikibase-item", EntityIdValue.of(EntityId.parse("Q5")), "ad7d38a03cdd40cdc373de0dc4e7b7fcbccb31d9");
    private static final Snak P625 = new ValueSnak(
            "P625",
            "globe-coordinate",
            new GlobeCoordinateValue(
                    51.56652777777778, -0.14544444444444443, null, 2.777777777777778e-05, GlobeCoordinateValue.EARTH),
            null);

    private static String text(SplitEntity split, ContentAddress address) {
        return new String(split.bytes(address), StandardCharsets.UTF_8);
    }

    private static String sha(SplitEntity split, ContentKind kind, String canonical) {
        ContentAddress a = kind.address(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(split.objects()).containsKey(a);
        return a.sha256();
    }

    @Test
    void everyKindHasItsDocumentedShape() {
        Reference reference = new Reference(null, Map.of("P625", List.of(P625)), List.of("P625"));
        Statement statement = new Statement(
                "Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9",
                P31_Q5,
                Rank.NORMAL,
                Map.of("P1419", List.of(new SomeValueSnak("P1419", "wikibase-item", null))),
                List.of("P1419"),
                List.of(reference));
        Item item = new Item(
                EntityId.parse("Q42"),
                new Fingerprint(
                        Map.of("en", new Term("en", "Douglas Adams")),
                        Map.of(),
                        Map.of("en", List.of(new Term("en", "Douglas Noël Adams")))),
                Map.of("P31", List.of(statement)),
                Map.of("enwiki", new Sitelink("enwiki", "Douglas Adams", List.of(), null)),
                new PageMetadata(138L, 0, "Q42", 2441354823L, "2025-11-01T00:00:00Z"));

        SplitEntity split = new EntitySplitter().split(item);

        String term = sha(split, ContentKind.TERM, "{\"language\":\"en\",\"value\":\"Douglas Adams\"}");
        String alias = sha(split, ContentKind.TERM, "{\"language\":\"en\",\"value\":\"Douglas Noël Adams\"}");
        String sitelink =
                sha(split, ContentKind.SITELINK, "{\"badges\":[],\"site\":\"enwiki\",\"title\":\"Douglas Adams\"}");
        String mainsnak = sha(
                split,
                ContentKind.SNAK,
                "{\"datatype\":\"wikibase-item\",\"datavalue\":{\"type\":\"wikibase-entityid\",\"value\":{\"entity-type\":"
                        + "\"item\",\"id\":\"Q5\",\"numeric-id\":5}},\"hash\":\"ad7d38a03cdd40cdc373de0dc4e7b7fcbccb31d9\","
                        + "\"property\":\"P31\",\"snaktype\":\"value\"}");
        String someValue = sha(
                split,
                ContentKind.SNAK,
                "{\"datatype\":\"wikibase-item\",\"property\":\"P1419\",\"snaktype\":\"somevalue\"}");
        String globe = sha(
                split,
                ContentKind.SNAK,
                "{\"datatype\":\"globe-coordinate\",\"datavalue\":{\"type\":\"globecoordinate\",\"value\":{\"altitude\":null,"
                        + "\"globe\":\"http://www.wikidata.org/entity/Q2\",\"latitude\":51.56652777777778,"
                        + "\"longitude\":-0.14544444444444443,\"precision\":0.00002777777777777778}},\"property\":\"P625\","
                        + "\"snaktype\":\"value\"}");
        String qualifiers = sha(
                split,
                ContentKind.QUALIFIERS,
                "{\"qualifiers\":[[\"P1419\",[\"" + someValue + "\"]]],\"qualifiers-order\":[\"P1419\"]}");
        String ref = sha(
                split,
                ContentKind.REFERENCE,
                "{\"snaks\":[[\"P625\",[\"" + globe + "\"]]],\"snaks-order\":[\"P625\"]}");
        String stmt = sha(
                split,
                ContentKind.STATEMENT,
                "{\"mainsnak\":\"" + mainsnak + "\",\"qualifiers\":\"" + qualifiers + "\",\"rank\":\"normal\","
                        + "\"references\":[\"" + ref + "\"]}");
        assertThat(text(split, split.revision()))
                .isEqualTo("{\"aliases\":[[\"en\",[\"" + alias
                        + "\"]]],\"claims\":[[\"P31\",[[\"Q42$F078E5B3-F9A8-480E-"
                        + "B7AC-D97778CBBEF9\",\"" + stmt + "\"]]]],\"id\":\"Q42\",\"labels\":[[\"en\",\"" + term
                        + "\"]],"
                        + "\"page\":{\"lastrevid\":2441354823,\"modified\":\"2025-11-01T00:00:00Z\",\"ns\":0,\"pageid\":138,"
                        + "\"title\":\"Q42\"},\"schema\":\"4.0.0\",\"sitelinks\":[[\"enwiki\",\"" + sitelink + "\"]],"
                        + "\"type\":\"item\"}");
        assertThat(split.objects())
                .hasSize(10); // 2 terms, sitelink, 3 snaks, qualifiers, reference, statement, revision
        assertThat(split.revision().s3Key())
                .startsWith("revision/" + split.revision().sha256().substring(0, 2) + "/");
    }
}
