/**
 * The Wikidata RDF mapping (mediawiki.org "Wikibase/Indexing/RDF Dump Format"), pure Java over RDF4J's model and
 * Rio API: {@link org.entitybase.rdf.mapping.EntityRdfWriter} streams the triples of items, properties and lexemes
 * (with forms and senses) to an {@link org.eclipse.rdf4j.rio.RDFHandler}, in the flavor
 * ({@link org.entitybase.rdf.mapping.Flavor}) and under the URI bases
 * ({@link org.entitybase.rdf.mapping.RdfVocabulary}) asked for. Names derived from hashes ({@code wds:},
 * {@code wdref:}, {@code wdv:}, blank-node labels) come from {@code org.entitybase.model.hash.wikibase}.
 *
 * <p>What entities do not hold comes through small lookups the service wires to its sources:
 * {@link org.entitybase.rdf.mapping.PropertyDatatypeLookup}, {@link org.entitybase.rdf.mapping.EntityStubLookup},
 * {@link org.entitybase.rdf.mapping.ExternalIdUriLookup}, {@link org.entitybase.rdf.mapping.SiteLookup} (with
 * {@link org.entitybase.rdf.mapping.WikimediaSites} for Wikimedia's wikis) and
 * {@link org.entitybase.rdf.mapping.UnitConverter}.
 *
 * <p>Known differences from Wikidata: {@code math} values carry their TeX in a MathML annotation (Wikidata renders
 * MathML with Mathoid); {@code musical-notation} values are plain literals (the Score extension currently writes
 * none); URL values that are not absolute IRIs are left out (Wikibase writes them as relative IRIs). No Quarkus here.
 */
package org.entitybase.rdf.mapping;
