/**
 * The {@code entitybase.entity_diff} events, in the shape of the Wikidata Query Service's {@code rdf_change} 2.0.0
 * events (JSON Schema beside {@link org.entitybase.rdf.diff.RdfChangeEvent}). Both sides of the stream: a producer
 * diffs two revisions' triples ({@link org.entitybase.rdf.diff.RdfPatch}), cuts the patch into events
 * ({@link org.entitybase.rdf.diff.RdfChangeEvents}) and encodes them
 * ({@link org.entitybase.rdf.diff.RdfChangeEventCodec}); a consumer that keeps a triple store current decodes them
 * and applies {@link org.entitybase.rdf.diff.RdfReplay#change} (Turtle parsed with blank-node labels kept). No Quarkus
 * here.
 */
package org.entitybase.rdf.diff;
