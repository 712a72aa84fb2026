package org.entitybase.model.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.Property;
import org.entitybase.model.hash.content.JsonCanonicalizer;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.NoValueSnak;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SomeValueSnak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leaves written canonically from the model are byte for byte what canonicalizing their Wikibase JSON gives (the way
 * the split wrote them before): over every snak, term and sitelink of the real data, with and without hashes.
 */
class CanonicalLeavesTest {
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();
    private final CanonicalLeaves leaves = new CanonicalLeaves();

    static java.util.stream.Stream<Named<FixtureEntity>> fixtureEntities() {
        return EntitySplitterTest.fixtureEntities();
    }

    @ParameterizedTest
    @MethodSource("fixtureEntities")
    void everyLeafOfTheRealDataIsTheCanonicalFormOfItsWikibaseJson(FixtureEntity fixture) {
        Entity entity = WikibaseJsonReader.lenient().readEntity(fixture.json().getBytes(StandardCharsets.UTF_8));
        int[] leafCount = {0};
        for (Entity e : List.of(entity, HashFiller.withHashes(entity))) {
            forEachLeaf(
                    e,
                    snak -> {
                        leafCount[0]++;
                        assertSame(leaves.snak(snak), WRITER.toBytes(snak), snak);
                    },
                    term -> {
                        leafCount[0]++;
                        assertSame(leaves.term(term), WRITER.toBytes(term), term);
                    },
                    link -> {
                        leafCount[0]++;
                        assertSame(leaves.sitelink(link), WRITER.toBytes(link), link);
                    });
        }
        if (fixture.id().equals("Q30")) {
            // 1,923 snaks, 308 labels and more, 360 sitelinks, twice
            assertThat(leafCount[0]).isGreaterThan(2 * (1_923 + 308 + 360));
        }
    }

    @Test
    void everyKindOfValueAndOptionalMember() {
        List<Snak> snaks = List.of(
                new ValueSnak("P625", "globe-coordinate", new GlobeCoordinateValue(52, -0.0, null, 1e-5, null), null),
                new ValueSnak(
                        "P625",
                        null,
                        new GlobeCoordinateValue(51.5074, 1.2345678901234567e-7, 12.0, null, "http://x/Q2"),
                        "ab"),
                new ValueSnak("P1", "quantity", new QuantityValue("+1.5", "1", "+2", "+1"), null),
                new ValueSnak(
                        "P1",
                        "quantity",
                        new QuantityValue("-3", "http://www.wikidata.org/entity/Q11573", null, null),
                        null),
                new ValueSnak(
                        "P2", "time", new TimeValue("+2001-01-01T00:00:00Z", -60, 0, 1, 11, "http://x/Q1985727"), null),
                new ValueSnak("P3", null, EntityIdValue.of(EntityId.parse("L1-F2")), null),
                new ValueSnak("P3", null, new EntityIdValue(EntityId.parse("Q9007199254740991"), true), null),
                new ValueSnak("P4", null, new MonolingualTextValue("tab\tquote\" é 😀 \u0001", "fr"), null),
                new ValueSnak("P5", "string", new StringValue("\\ / \u2028 \u007f"), "h"),
                new SomeValueSnak("P6", null, null),
                new NoValueSnak("P7", "url", "x"));
        for (Snak snak : snaks) {
            assertSame(leaves.snak(snak), WRITER.toBytes(snak), snak);
        }
        Sitelink withUrl =
                new Sitelink("enwiki", "A \"B\"", List.of("Q17437796", "Q17437798"), "https://en.wikipedia.org/wiki/A");
        Sitelink plain = new Sitelink("dewiki", "Ä", List.of(), null);
        assertSame(leaves.sitelink(withUrl), WRITER.toBytes(withUrl), withUrl);
        assertSame(leaves.sitelink(plain), WRITER.toBytes(plain), plain);
    }

    @Test
    void theWriterRefusesMembersOutOfCanonicalOrderAndUnsafeIntegers() {
        JsonCanonicalizer out = JsonCanonicalizer.writer();
        out.startObject();
        out.name("b");
        out.integer(1);
        assertThatThrownBy(() -> out.name("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonCanonicalizer.writer().integer(1L << 54))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCanonicalizer.writer().number("123456789012345678901234"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSame(byte[] fromModel, byte[] wikibaseJson, Object leaf) {
        assertThat(new String(fromModel, StandardCharsets.UTF_8))
                .as("%s", leaf)
                .isEqualTo(new String(JsonCanonicalizer.canonicalize(wikibaseJson), StandardCharsets.UTF_8));
    }

    private static void forEachLeaf(
            Entity entity, Consumer<Snak> snaks, Consumer<Term> terms, Consumer<Sitelink> sitelinks) {
        List<Map<String, List<Statement>>> claims = new ArrayList<>();
        claims.add(entity.claims());
        Fingerprint fingerprint = Fingerprint.EMPTY;
        if (entity instanceof Item item) {
            fingerprint = item.fingerprint();
            item.sitelinks().values().forEach(sitelinks);
        } else if (entity instanceof Property property) {
            fingerprint = property.fingerprint();
        } else if (entity instanceof MediaInfo mediaInfo) {
            fingerprint = mediaInfo.fingerprint();
        } else if (entity instanceof Lexeme lexeme) {
            lexeme.lemmas().values().forEach(terms);
            for (Form form : lexeme.forms()) {
                form.representations().values().forEach(terms);
                claims.add(form.claims());
            }
            for (Sense sense : lexeme.senses()) {
                sense.glosses().values().forEach(terms);
                claims.add(sense.claims());
            }
        }
        fingerprint.labels().values().forEach(terms);
        fingerprint.descriptions().values().forEach(terms);
        fingerprint.aliases().values().forEach(list -> list.forEach(terms));
        for (Map<String, List<Statement>> byProperty : claims) {
            byProperty
                    .values()
                    .forEach(list -> list.forEach(statement -> {
                        snaks.accept(statement.mainsnak());
                        statement.qualifiers().values().forEach(q -> q.forEach(snaks));
                        for (Reference reference : statement.references()) {
                            reference.snaks().values().forEach(r -> r.forEach(snaks));
                        }
                    }));
        }
    }
}
