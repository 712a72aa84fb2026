package org.entitybase.rdf.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.junit.jupiter.api.Test;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.rdf.diff.RdfChangeEvent.Operation;
import org.entitybase.rdf.mapping.EntityRdfWriter;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.PropertyDatatypeLookup;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.WikimediaSites;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureRevision;

import static org.assertj.core.api.Assertions.assertThat;

class RdfChangeEventsTest {

    private static final RdfVocabulary WD = RdfVocabulary.wikidata();
    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final String E = "http://www.wikidata.org/entity/";
    private static final IRI P = VF.createIRI("http://example.org/p");
    private static final RdfChangeEvents.Header HEADER =
            new RdfChangeEvents.Header("Q1", 7, "2025-01-01T00:00:00Z", "req-1", "");

    private static Statement entity(String s, String o) {
        return VF.createStatement(VF.createIRI(E + s), P, VF.createLiteral(o));
    }

    private static Statement value(String hash, String o) {
        return VF.createStatement(VF.createIRI("http://www.wikidata.org/value/" + hash), P, VF.createLiteral(o));
    }

    private static Statement reference(String hash, String o) {
        return VF.createStatement(VF.createIRI("http://www.wikidata.org/reference/" + hash), P, VF.createLiteral(o));
    }

    @Test
    void diffSplitsSharedValueAndReferenceNodesFromEntityTriples() {
        List<Statement> before = List.of(entity("Q1", "a"), entity("Q1", "b"), value("v1", "x"), reference("r1", "y"));
        List<Statement> after = List.of(entity("Q1", "b"), entity("Q1", "c"), value("v2", "z"), reference("r1", "y"));

        RdfPatch patch = RdfPatch.diff(before, after, WD);

        assertThat(patch.added()).containsExactly(entity("Q1", "c"));
        assertThat(patch.deleted()).containsExactly(entity("Q1", "a"));
        assertThat(patch.linkedShared()).containsExactly(value("v2", "z"));
        assertThat(patch.unlinkedShared()).containsExactly(value("v1", "x"));
    }

    @Test
    void importCarriesAddedAndLinkedDataOnlyAndDeleteCarriesNone() {
        RdfChangeEvents events = new RdfChangeEvents(WD, "diffs", 100);
        RdfPatch patch = RdfPatch.diff(List.of(), List.of(entity("Q1", "a"), value("v", "x")), WD);

        RdfChangeEvent imported = events.events(HEADER, Operation.IMPORT, patch).get(0);
        assertThat(imported.addedData()).isNotNull();
        assertThat(imported.linkedSharedData()).isNotNull();
        assertThat(imported.deletedData()).isNull();
        assertThat(imported.unlinkedSharedData()).isNull();
        assertThat(RdfReplay.parse(imported.addedData())).containsExactly(entity("Q1", "a"));
        assertThat(RdfReplay.parse(imported.linkedSharedData())).containsExactly(value("v", "x"));

        RdfChangeEvent deleted = events.events(HEADER, Operation.DELETE, RdfPatch.diff(List.of(), List.of(), WD))
                .get(0);
        assertThat(deleted.addedData()).isNull();
        assertThat(deleted.deletedData()).isNull();
        assertThat(deleted.linkedSharedData()).isNull();
        assertThat(deleted.unlinkedSharedData()).isNull();
        assertThat(deleted.sequenceLength()).isEqualTo(1);

        RdfChangeEvent reconcile =
                events.events(HEADER, Operation.RECONCILE, patch).get(0);
        assertThat(RdfReplay.parse(reconcile.addedData())).hasSize(2);
        assertThat(reconcile.linkedSharedData()).isNull();
    }

    @Test
    void bigChangesAreSplitIntoASequenceThatCarriesEveryTripleOnce() {
        List<Statement> before = new ArrayList<>();
        List<Statement> after = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            before.add(entity("Q1", "old" + i));
            after.add(entity("Q1", "new" + i));
            after.add(value("v" + i, "x"));
        }
        RdfPatch patch = RdfPatch.diff(before, after, WD);
        List<RdfChangeEvent> events = new RdfChangeEvents(WD, "diffs", 10).events(HEADER, Operation.DIFF, patch);

        assertThat(events).hasSize(7); // 69 triples, 10 per event
        Set<String> ids = new HashSet<>();
        List<Statement> added = new ArrayList<>();
        List<Statement> removed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            RdfChangeEvent e = events.get(i);
            assertThat(e.sequence()).isEqualTo(i);
            assertThat(e.sequenceLength()).isEqualTo(7);
            assertThat(e.meta().requestId()).isEqualTo("req-1");
            ids.add(e.meta().id());
            RdfReplay.Change change = RdfReplay.change(RdfChangeEventCodec.read(RdfChangeEventCodec.write(e)));
            assertThat(change.add().size() + change.remove().size()).isLessThanOrEqualTo(10);
            added.addAll(change.add());
            removed.addAll(change.remove());
        }
        assertThat(ids).hasSize(7);
        assertThat(added).containsExactlyInAnyOrderElementsOf(concat(patch.added(), patch.linkedShared()));
        assertThat(removed).containsExactlyInAnyOrderElementsOf(patch.deleted());
    }

    @Test
    void theSameChangeGivesByteIdenticalEvents() {
        List<Statement> after = List.of(entity("Q1", "b"), entity("Q1", "a"), value("v", "x"));
        List<Statement> reversed = new ArrayList<>(after);
        java.util.Collections.reverse(reversed);
        RdfChangeEvents events = new RdfChangeEvents(WD, "diffs", 2);

        List<String> first = json(events.events(HEADER, Operation.DIFF, RdfPatch.diff(List.of(), after, WD)));
        List<String> second = json(events.events(HEADER, Operation.DIFF, RdfPatch.diff(List.of(), reversed, WD)));

        assertThat(second).isEqualTo(first);
        RdfChangeEvents.Header otherRevision = new RdfChangeEvents.Header("Q1", 8, HEADER.dt(), "req-2", "");
        assertThat(events.events(otherRevision, Operation.DIFF, RdfPatch.diff(List.of(), after, WD))
                        .get(0)
                        .meta()
                        .id())
                .isNotEqualTo(RdfChangeEventCodec.read(first.get(0)).meta().id());
    }

    /**
     * The stream's promise without Kafka: every multi-revision history of the fixtures, mapped in-process revision by
     * revision, diffed, split (small events, to exercise sequences), encoded, decoded and applied to an empty graph,
     * gives exactly the head revision's triples, blank-node labels included.
     */
    @Test
    void replayingEveryHistoryGivesTheHeadRevision() {
        Map<String, List<FixtureRevision>> histories = new LinkedHashMap<>();
        for (FixtureRevision r : WikidataFixtures.revisions()) {
            histories.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
        RdfChangeEvents events = new RdfChangeEvents(WD, "diffs", 400);
        int replayed = 0;
        for (List<FixtureRevision> history : histories.values()) {
            Model store = new LinkedHashModel();
            List<Statement> previous = null;
            int chunks = 0;
            for (FixtureRevision revision : history) {
                List<Statement> now = triples(revision.entity().json());
                Operation operation = previous == null ? Operation.IMPORT : Operation.DIFF;
                RdfChangeEvents.Header header = new RdfChangeEvents.Header(
                        revision.id(), revision.revision(), "2025-01-01T00:00:00Z", "r" + revision.revision(), "");
                for (RdfChangeEvent e : events.events(
                        header, operation, RdfPatch.diff(previous == null ? List.of() : previous, now, WD))) {
                    RdfReplay.Change change = RdfReplay.change(RdfChangeEventCodec.read(RdfChangeEventCodec.write(e)));
                    store.removeAll(change.remove());
                    store.addAll(change.add());
                    chunks++;
                }
                previous = now;
            }
            Model head = new LinkedHashModel(previous);
            assertThat(new HashSet<>(store))
                    .as("%s after %d revisions (%d events)", history.get(0).id(), history.size(), chunks)
                    .isEqualTo(new HashSet<>(head));
            assertThat(Models.isomorphic(store, head)).isTrue();
            replayed++;
        }
        System.out.printf("in-process replay: %d/%d histories give their head revision%n", replayed, histories.size());
        assertThat(replayed).isEqualTo(10);
    }

    private static List<Statement> triples(String json) {
        Entity entity = WikibaseJsonReader.lenient().readEntity(json);
        List<Statement> statements = new ArrayList<>();
        EntityRdfWriter.builder(WD, Flavor.FULL_DUMP)
                .datatypes(PropertyDatatypeLookup.of(WikidataFixtures.propertyDatatypes()))
                .sites(WikimediaSites.INSTANCE)
                .build(new AbstractRDFHandler() {
                    @Override
                    public void handleStatement(Statement st) {
                        statements.add(st);
                    }
                })
                .writeDocument(entity);
        return statements;
    }

    private static List<String> json(List<RdfChangeEvent> events) {
        return events.stream().map(RdfChangeEventCodec::write).toList();
    }

    private static List<Statement> concat(List<Statement> a, List<Statement> b) {
        List<Statement> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
