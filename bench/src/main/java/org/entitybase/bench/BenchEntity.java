package org.entitybase.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wikidata.wdtk.datamodel.helpers.Datamodel;
import org.wikidata.wdtk.datamodel.helpers.JsonDeserializer;
import org.wikidata.wdtk.datamodel.interfaces.ItemDocument;
import org.wikidata.wdtk.datamodel.interfaces.StatementGroup;

import org.entitybase.model.content.EntityAssembler;
import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;

/**
 * One benchmark entity, read both ways, with the checks that make the comparison meaningful: our reader and WDTK's
 * see the same statements, terms and sitelinks, and every operation we time gives back what it should (round trip,
 * recomputed hashes, split and assemble). A failed check throws, so a run never times a wrong result.
 */
final class BenchEntity {
    static final WikibaseJsonReader READER = WikibaseJsonReader.lenient();
    static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();
    static final EntitySplitter SPLITTER = new EntitySplitter();
    static final EntityAssembler ASSEMBLER = new EntityAssembler(READER);

    final String id;
    /** The source bytes, as in the data file. */
    final byte[] json;

    final Item item;
    final ItemDocument wdtkItem;
    final SplitEntity split;

    final int statements;
    /** Main, qualifier and reference snaks: one Wikibase snak hash each. */
    final int snaks;

    final int references;

    private BenchEntity(String id) {
        this.id = id;
        this.json = SharedData.entityBytes(id);
        this.item = (Item) READER.readEntity(json);
        this.wdtkItem = WdtkCodec.parseItem(json);
        this.split = SPLITTER.split(item);
        int snakCount = 0;
        int referenceCount = 0;
        for (Statement s : statements(item)) {
            snakCount += 1 + count(s.qualifiers().values());
            for (Reference r : s.references()) {
                referenceCount++;
                snakCount += count(r.snaks().values());
            }
        }
        this.statements = statements(item).size();
        this.snaks = snakCount;
        this.references = referenceCount;
    }

    /** Loads {@code id} and runs every sanity check. */
    static BenchEntity load(String id) {
        BenchEntity e = new BenchEntity(id);
        e.verify();
        return e;
    }

    private void verify() {
        check(item.id().toString().equals(id), "read entity " + item.id() + ", wanted " + id);
        check(
                READER.readEntity(json).equals(WikibaseJsonReader.strict().readEntity(json)),
                "strict and lenient differ");

        // Ours and WDTK read the same document: same statements per property in the same order, same terms and
        // sitelinks. (WDTK keeps statement groups in a HashMap, so only the order of properties is lost.)
        check(statementIds(item).equals(wdtkStatementIds(wdtkItem)), "statement ids differ from WDTK's");
        check(item.fingerprint().labels().size() == wdtkItem.getLabels().size(), "label count differs");
        check(
                item.fingerprint().descriptions().size()
                        == wdtkItem.getDescriptions().size(),
                "description count differs");
        check(
                aliasCount(item)
                        == wdtkItem.getAliases().values().stream()
                                .mapToInt(List::size)
                                .sum(),
                "aliases differ");
        check(item.sitelinks().size() == wdtkItem.getSiteLinks().size(), "sitelink count differs");
        check(Long.valueOf(wdtkItem.getRevisionId()).equals(item.page().lastRevisionId()), "lastrevid differs");

        // The byte[] path used for WDTK is its public String API, minus the decoding.
        check(wdtkItem.equals(wdtkPublicApi(json)), "WDTK byte reader differs from JsonDeserializer");

        // Serialization: our output is the same document to both readers.
        byte[] ours = WRITER.toBytes(item);
        check(READER.readEntity(ours).equals(item), "our round trip changes the entity");
        check(WdtkCodec.parseItem(ours).equals(wdtkItem), "WDTK reads our output as a different item");
        check(WdtkCodec.parseItem(WdtkCodec.toBytes(wdtkItem)).equals(wdtkItem), "WDTK round trip changes the item");

        // Every recomputed snak and reference hash equals the one Wikidata stored.
        check(HashFiller.withHashes(item).equals(item), "recomputed hashes differ from the stored ones");

        check(ASSEMBLER.assemble(split.revision(), split::bytes).equals(item), "assemble(split(e)) != e");
    }

    private static ItemDocument wdtkPublicApi(byte[] json) {
        try {
            return new JsonDeserializer(Datamodel.SITE_WIKIDATA)
                    .deserializeItemDocument(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Size figures for the report. */
    String describe() {
        return String.format(
                "%s: input %,d B; %d statements, %d properties, %,d snaks, %d references, %d labels, %d sitelinks;"
                        + " output ours %,d B, WDTK %,d B; split %,d objects, %,d B, %s",
                id,
                json.length,
                statements,
                item.claims().size(),
                snaks,
                references,
                item.fingerprint().labels().size(),
                item.sitelinks().size(),
                WRITER.toBytes(item).length,
                WdtkCodec.toBytes(wdtkItem).length,
                split.objects().size(),
                split.totalBytes(),
                split.countsByKind());
    }

    private static List<Statement> statements(Entity entity) {
        List<Statement> all = new ArrayList<>();
        entity.claims().values().forEach(all::addAll);
        return all;
    }

    /** Property → statement ids in order. */
    private static Map<String, List<String>> statementIds(Entity entity) {
        Map<String, List<String>> ids = new HashMap<>();
        entity.claims()
                .forEach((property, group) ->
                        ids.put(property, group.stream().map(Statement::id).toList()));
        return ids;
    }

    private static Map<String, List<String>> wdtkStatementIds(ItemDocument item) {
        Map<String, List<String>> ids = new HashMap<>();
        for (StatementGroup group : item.getStatementGroups()) {
            ids.put(
                    group.getProperty().getId(),
                    group.getStatements().stream()
                            .map(org.wikidata.wdtk.datamodel.interfaces.Statement::getStatementId)
                            .toList());
        }
        return ids;
    }

    private static int aliasCount(Item item) {
        return item.fingerprint().aliases().values().stream()
                .mapToInt(List::size)
                .sum();
    }

    private static int count(Iterable<List<Snak>> groups) {
        int n = 0;
        for (List<Snak> g : groups) {
            n += g.size();
        }
        return n;
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(id + ": " + what);
        }
    }

    /** Prints the size figures of the benchmark entities (after the same checks the benchmarks run). */
    public static void main(String[] args) {
        List<String> ids = args.length > 0 ? List.of(args) : List.of("Q30", "Q42");
        for (String id : ids) {
            System.out.println(load(id).describe());
        }
    }
}
