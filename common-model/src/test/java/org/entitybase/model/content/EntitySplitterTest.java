package org.entitybase.model.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.hash.content.JsonCanonicalizer;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.statement.Rank;
import org.entitybase.model.statement.Statement;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The content split of STORAGE.md over the real Wikidata fixtures: split, then assemble, gives the entity back. */
class EntitySplitterTest {
    private static final WikibaseJsonReader READER = WikibaseJsonReader.lenient();
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();
    private final EntitySplitter splitter = new EntitySplitter();
    private final EntityAssembler assembler = new EntityAssembler();

    private static Entity read(FixtureEntity f) {
        return READER.readEntity(f.json().getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Named<FixtureEntity>> fixtureEntities() {
        Stream<Named<FixtureEntity>> entities =
                WikidataFixtures.entities().stream().map(f -> Named.of("entities " + f.id(), f));
        Stream<Named<FixtureEntity>> revisions = WikidataFixtures.revisions().stream()
                .map(r -> Named.of("revisions " + r.id() + "@" + r.revision(), r.entity()));
        Stream<Named<FixtureEntity>> mediaInfo =
                WikidataFixtures.mediaInfo().stream().map(f -> Named.of("mediainfo " + f.id(), f));
        Stream<Named<FixtureEntity>> pairs =
                WikidataFixtures.wikidataPairs().stream().map(p -> Named.of("pairs " + p.id(), p.entity()));
        return Stream.of(entities, revisions, mediaInfo, pairs).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("fixtureEntities")
    void splitThenAssembleIsIdentity(FixtureEntity fixture) {
        Entity entity = read(fixture);
        SplitEntity split = splitter.split(entity);

        Entity assembled = assembler.assemble(split.revision(), split.objects()::get);

        assertThat(assembled).isEqualTo(entity);
        // Record equality ignores map order; the JSON bytes do not.
        assertThat(new String(WRITER.toBytes(assembled), StandardCharsets.UTF_8))
                .isEqualTo(new String(WRITER.toBytes(entity), StandardCharsets.UTF_8));
        assertThat(RevisionManifest.fromJson(split.bytes(split.revision()))).isEqualTo(split.manifest());
        assertThat(split.manifest().address()).isEqualTo(split.revision());
        split.objects().forEach((address, bytes) -> {
            assertThat(JsonCanonicalizer.canonicalize(bytes))
                    .as("canonical %s", address)
                    .isEqualTo(bytes);
            assertThat(ContentAddress.of(address.kind(), bytes)).isEqualTo(address);
        });
    }

    @Test
    void splittingIsDeterministic() {
        Entity q42 = entity("Q42");
        assertThat(splitter.split(q42).revision())
                .isEqualTo(splitter.split(read(fixture("Q42"))).revision());
    }

    @Test
    void statementsDifferingOnlyInGuidShareAnAddress() {
        Statement original = entity("Q42").claims().get("P31").get(0);
        Statement sameClaim = original.withId("Q1$4f6b2a12-0000-4000-8000-000000000001");
        assertThat(splitter.statementAddress(sameClaim)).isEqualTo(splitter.statementAddress(original));

        // The same claim in another entity is stored once: both revisions list the same statement object.
        Item other = new Item(EntityId.parse("Q1"), null, Map.of("P31", List.of(sameClaim)), Map.of(), null);
        SplitEntity a = splitter.split(entity("Q42"));
        SplitEntity b = splitter.split(other);
        ContentAddress inA = a.manifest().claims().get("P31").get(0).statement();
        ContentAddress inB = b.manifest().claims().get("P31").get(0).statement();
        assertThat(inB).isEqualTo(inA);
        assertThat(b.manifest().claims().get("P31").get(0).guid()).isEqualTo(sameClaim.id());
        assertThat(a.objects().get(inA)).isEqualTo(b.objects().get(inB));
    }

    @Test
    void rankIsPartOfTheStatement() {
        Statement s = entity("Q42").claims().get("P31").get(0);
        Statement deprecated = new Statement(
                s.id(), s.mainsnak(), Rank.DEPRECATED, s.qualifiers(), s.qualifiersOrder(), s.references());
        assertThat(splitter.statementAddress(deprecated)).isNotEqualTo(splitter.statementAddress(s));
    }

    @Test
    void lexemePartsAreSplitIntoFormsAndSenses() {
        Lexeme l1883 = (Lexeme) entity("L1883");
        SplitEntity split = splitter.split(l1883);
        assertThat(split.manifest().forms()).hasSize(l1883.forms().size()).hasSize(22);
        assertThat(split.manifest().senses()).hasSize(8);
        assertThat(split.manifest().lexicalCategory()).isEqualTo(l1883.lexicalCategory());
        assertThat(split.countsByKind()).containsKeys(ContentKind.FORM, ContentKind.SENSE, ContentKind.TERM);
    }

    @Test
    void aTamperedOrMissingObjectFailsLoudly() {
        SplitEntity split = splitter.split(entity("Q42"));
        ContentAddress someTerm = split.manifest().labels().values().iterator().next();
        Map<ContentAddress, byte[]> tampered = new HashMap<>(split.objects());
        tampered.put(someTerm, "{\"language\":\"en\",\"value\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> assembler.assemble(split.revision(), tampered::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(someTerm.toString());
        tampered.remove(someTerm);
        assertThatThrownBy(() -> assembler.assemble(split.revision(), tampered::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
    }

    /**
     * A first storage-savings figure (STORAGE.md: measured, not claimed): every revision in revisions.ndjson.gz split
     * into one shared content store, against the same revisions stored inline as full JSON.
     */
    @Test
    void storageSavingsOverTheRevisionsFile() {
        Map<ContentAddress, Integer> store = new HashMap<>();
        long inlineBytes = 0;
        long referencedObjects = 0;
        for (WikidataFixtures.FixtureRevision r : WikidataFixtures.revisions()) {
            Entity entity = read(r.entity());
            inlineBytes += WRITER.toBytes(entity).length;
            SplitEntity split = splitter.split(entity);
            referencedObjects += split.objects().size();
            split.objects().forEach((a, b) -> store.put(a, b.length));
        }
        Map<ContentKind, long[]> byKind = new EnumMap<>(ContentKind.class);
        store.forEach((a, size) -> {
            long[] t = byKind.computeIfAbsent(ContentKind.of(a), k -> new long[2]);
            t[0]++;
            t[1] += size;
        });
        long storedBytes = store.values().stream().mapToLong(Integer::longValue).sum();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "content split of %d revisions: inline JSON %,d bytes; %,d distinct objects (%,d per-revision) %,d bytes"
                        + " = %.1f%% of inline",
                WikidataFixtures.revisions().size(),
                inlineBytes,
                store.size(),
                referencedObjects,
                storedBytes,
                100.0 * storedBytes / inlineBytes));
        byKind.forEach(
                (kind, t) -> lines.add(String.format("  %-10s %6d objects %,12d bytes", kind.keyName(), t[0], t[1])));
        System.out.println(String.join("\n", lines));

        assertThat(store.size()).isLessThan((int) referencedObjects);
        assertThat(storedBytes).isLessThan(inlineBytes);
    }

    private static FixtureEntity fixture(String id) {
        return WikidataFixtures.entities().stream()
                .filter(f -> id.equals(f.id()))
                .findFirst()
                .orElseThrow();
    }

    private static Entity entity(String id) {
        return read(fixture(id));
    }
}
