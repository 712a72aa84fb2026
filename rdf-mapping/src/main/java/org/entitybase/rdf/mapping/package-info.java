/**
 * The Wikidata RDF mapping (mediawiki.org "Wikibase/Indexing/RDF Dump Format"), pure Java over RDF4J's model and
 * Rio API: {@link org.entitybase.rdf.mapping.EntityRdfWriter} streams the triples of items, properties and lexemes
 * (with forms and senses) to an {@link org.eclipse.rdf4j.rio.RDFHandler}, in the flavor
 * ({@link org.entitybase.rdf.mapping.Flavor}) and under the URI bases
 * ({@link org.entitybase.rdf.mapping.RdfVocabulary}) asked for. Names derived from hashes ({@code wds:},
 * {@code wdref:}, {@code wdv:}, blank-node labels) come from {@code org.entitybase.model.hash.wikibase}.
 *
 * <p>What entities do not hold comes through small lookups the caller wires to its sources:
 * {@link org.entitybase.rdf.mapping.PropertyDatatypeLookup}, {@link org.entitybase.rdf.mapping.EntityStubLookup},
 * {@link org.entitybase.rdf.mapping.ExternalIdUriLookup} and {@link org.entitybase.rdf.mapping.SiteLookup} (with
 * {@link org.entitybase.rdf.mapping.WikimediaSites} for Wikimedia's wikis). Unit conversion
 * ({@code UnitConverter}) is package-private until a caller configures one.
 *
 * <p>Public is what callers use: whole documents ({@code writeDocument}, or a redirect between
 * {@code startDocument}/{@code finishDocument}), {@code Flavor.FULL} (Special:EntityData) and
 * {@code Flavor.FULL_DUMP} (dumps, the diff stream), Wikidata's vocabulary and
 * the writers ({@link org.entitybase.rdf.mapping.RdfWriterSettings}). The parts of Wikibase's {@code RdfBuilder}
 * ({@code addTerms}, {@code addDumpHeader}, …), other flavors and vocabularies are package-private: the conformance
 * suite drives them from this package, and they open up when a caller needs them.
 *
 * <p>Known differences from Wikidata: {@code math} values carry their TeX in a MathML annotation (Wikidata renders
 * MathML with Mathoid); {@code musical-notation} values are plain literals (the Score extension currently writes
 * none); URL values that are not absolute IRIs are left out (Wikibase writes them as relative IRIs). No Quarkus here.
 */
package org.entitybase.rdf.mapping;
