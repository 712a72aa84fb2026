package org.entitybase.model.pack;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.term.Term;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class PackPlannerTest {

    private static final EntitySplitter SPLITTER = new EntitySplitter();
    private final PackPlanner planner = new PackPlanner(16);

    @Test
    void firstRevisionIsACheckpointWithEveryObject() {
        SplitEntity q42 = SPLITTER.split(q42());
        Pack pack = planner.plan(q42, 1, null, 0);
        assertThat(pack.isCheckpoint()).isTrue();
        assertThat(pack.objects().keySet()).isEqualTo(q42.objects().keySet());
    }

    @Test
    void smallEditStoresOnlyWhatTheCheckpointLacks() {
        Item q42 = q42();
        SplitEntity base = SPLITTER.split(q42);
        Pack checkpoint = planner.plan(base, 1, null, 0);
        SplitEntity edited = SPLITTER.split(withLabel(q42, "en", "Douglas Noël Adams (edited)"));

        Pack delta = planner.plan(edited, 2, checkpoint, 1);

        assertThat(delta.isCheckpoint()).isFalse();
        assertThat(delta.checkpoint()).isEqualTo(base.revision());
        // the new manifest and the one new term: nothing else
        assertThat(delta.objects()).hasSize(2).containsKey(edited.revision());
        // the manifest lists every part of the entity by address: it is most of a delta
        assertThat(delta.rawBytes()).isLessThan(checkpoint.rawBytes() / 4);
        for (ContentAddress address : edited.objects().keySet()) {
            assertThat(delta.objects().containsKey(address)
                            || checkpoint.objects().containsKey(address))
                    .as("every object of the revision is in the delta or its checkpoint")
                    .isTrue();
        }
    }

    @Test
    void everyKthRevisionIsACheckpoint() {
        Item q42 = q42();
        Pack checkpoint = planner.plan(SPLITTER.split(q42), 1, null, 0);
        SplitEntity edited = SPLITTER.split(withLabel(q42, "en", "again"));
        assertThat(planner.plan(edited, 16, checkpoint, 1).isCheckpoint()).isFalse();
        assertThat(planner.plan(edited, 17, checkpoint, 1).isCheckpoint()).isTrue();
    }

    @Test
    void aDeltaBiggerThanHalfAFullPackBecomesACheckpoint() {
        Pack checkpoint = planner.plan(PackCodecTest.split("Q1"), 1, null, 0);
        // another entity entirely: nearly all of it is new
        Pack pack = planner.plan(PackCodecTest.split("Q42"), 2, checkpoint, 1);
        assertThat(pack.isCheckpoint()).isTrue();
    }

    private static Item q42() {
        String json = WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals("Q42"))
                .findFirst()
                .orElseThrow()
                .json();
        Entity entity = WikibaseJsonReader.lenient().readEntity(json);
        return (Item) entity;
    }

    private static Item withLabel(Item item, String language, String value) {
        Map<String, Term> labels = new LinkedHashMap<>(item.fingerprint().labels());
        labels.put(language, new Term(language, value));
        Fingerprint fingerprint = new Fingerprint(
                labels, item.fingerprint().descriptions(), item.fingerprint().aliases());
        return new Item(item.id(), fingerprint, item.claims(), item.sitelinks(), item.page());
    }
}
