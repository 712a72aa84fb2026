package org.entitybase.bench;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandler;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wikidata.wdtk.datamodel.helpers.Datamodel;
import org.wikidata.wdtk.datamodel.implementation.DatatypeIdImpl;
import org.wikidata.wdtk.datamodel.implementation.SitesImpl;
import org.wikidata.wdtk.datamodel.interfaces.ItemDocument;
import org.wikidata.wdtk.rdf.PropertyRegister;
import org.wikidata.wdtk.rdf.RdfConverter;
import org.wikidata.wdtk.rdf.RdfSerializer;
import org.wikidata.wdtk.rdf.RdfWriter;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.rdf.mapping.EntityRdfWriter;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.rdf.mapping.NTriplesStreamWriter;
import org.entitybase.rdf.mapping.PropertyDatatypeLookup;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.RdfWriterSettings;
import org.entitybase.rdf.mapping.WikimediaSites;
import org.entitybase.testkit.WikidataFixtures;

/**
 * One entity, already in memory, to N-Triples bytes: our mapping ({@code rdf-mapping}'s {@link EntityRdfWriter}, dump
 * flavor) into our {@link NTriplesStreamWriter} (and, for reference, into RDF4J's buffered N-Triples writer) against
 * Wikidata Toolkit's {@link RdfConverter} with every task on into its own RDF4J N-Triples writer, all over a
 * discarding stream, both with every property datatype known up front (WDTK's register would otherwise ask
 * wikidata.org). Throughput in entities per second, one thread; the time per entity is its inverse.
 *
 * <p>Not the same triples: WDTK writes its own, older RDF mapping (no wdt: best-rank rule, no value-node hashes of
 * Wikidata's), ours writes Wikidata's. What is compared is the cost of producing each one's RDF for the same entity.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RdfBenchmark {

    /** The entity and both libraries' set-up, made once per trial. */
    @State(Scope.Benchmark)
    public static class Subject {
        @Param({"Q30", "Q42"})
        public String entity;

        Entity ours;
        PropertyDatatypeLookup datatypes;
        ItemDocument wdtk;
        PropertyRegister register;

        @Setup(Level.Trial)
        public void load() {
            BenchEntity e = BenchEntity.load(entity);
            ours = WikibaseJsonReader.lenient().readEntity(e.json);
            wdtk = WdtkCodec.parseItem(e.json);
            // the shared list, plus what the entity's own snaks say: a property WDTK's register does not know makes
            // it call wikidata.org
            Map<String, String> known = new HashMap<>(WikidataFixtures.propertyDatatypes());
            collectSnakDatatypes(WikidataFixtures.tree(e.json), known);
            datatypes = PropertyDatatypeLookup.of(known);
            register = new PropertyRegister("P1921", null, Datamodel.SITE_WIKIDATA);
            known.forEach((property, datatype) -> {
                String iri = DatatypeIdImpl.getDatatypeIriFromJsonDatatype(datatype);
                if (iri != null) {
                    register.setPropertyType(Datamodel.makeWikidataPropertyIdValue(property), iri);
                }
            });
        }
    }

    private static void collectSnakDatatypes(JsonNode node, Map<String, String> into) {
        if (node.isObject() && node.has("property") && node.has("datatype")) {
            into.putIfAbsent(node.get("property").asText(), node.get("datatype").asText());
        }
        node.forEach(child -> collectSnakDatatypes(child, into));
    }

    /** Our mapping into our N-Triples writer, what the service's .nt route uses. */
    @Benchmark
    public long ours(Subject s) {
        return ours(s, new NTriplesStreamWriter(OutputStream.nullOutputStream()));
    }

    /** Our mapping into RDF4J's (buffered) N-Triples writer: the writer's share of {@link #ours}. */
    @Benchmark
    public long oursRio(Subject s) {
        return ours(s, RdfWriterSettings.createRioWriter(RDFFormat.NTRIPLES, OutputStream.nullOutputStream()));
    }

    /** Our mapping into a handler that drops every statement: the mapping's own share of {@link #ours}. */
    @Benchmark
    public long oursMappingOnly(Subject s) {
        return ours(s, new AbstractRDFHandler() {});
    }

    private static long ours(Subject s, RDFHandler handler) {
        EntityRdfWriter writer = EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL_DUMP)
                .datatypes(s.datatypes)
                .sites(WikimediaSites.INSTANCE)
                .build(handler);
        writer.writeDocument(s.ours); // the whole document: start, entity, end
        return writer.tripleCount();
    }

    @Benchmark
    public long wdtk(Subject s) {
        RdfWriter writer = new RdfWriter(RDFFormat.NTRIPLES, OutputStream.nullOutputStream());
        RdfConverter converter = new RdfConverter(writer, new SitesImpl(), s.register);
        converter.setTasks(RdfSerializer.TASK_ALL_ENTITIES | RdfSerializer.TASK_ALL_EXACT_DATA);
        writer.start();
        converter.writeItemDocument(s.wdtk);
        writer.finish();
        return writer.getTripleCount();
    }
}
