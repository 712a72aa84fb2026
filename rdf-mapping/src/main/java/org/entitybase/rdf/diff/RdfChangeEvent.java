package org.entitybase.rdf.diff;

/**
 * One {@code entitybase.entity_diff} event: the shape of the Wikidata Query Service streaming updater's {@code
 * rdf_change} 2.0.0 events (EVENTS.md; JSON Schema beside this class as {@code rdf_change-2.0.0.schema.json}), so a
 * triple store can be kept current from the stream. A change too big for one event is split into {@code
 * sequenceLength} consecutive events ({@code sequence} 0…n-1) that share everything but their RDF and {@code meta.id}.
 * The RDF fields a given operation does not use are null.
 */
public record RdfChangeEvent(
        String entityId,
        long revId,
        Operation operation,
        String dt,
        Meta meta,
        int sequence,
        int sequenceLength,
        RdfData addedData,
        RdfData deletedData,
        RdfData linkedSharedData,
        RdfData unlinkedSharedData) {

    static final String SCHEMA = "/mediawiki/wikibase/entity/rdf_change/2.0.0";
    static final String TURTLE = "text/turtle";

    public enum Operation {
        /** A new entity (or one restored from deletion): all its triples. */
        IMPORT,
        /** A new revision: what to add and remove relative to the parent revision. */
        DIFF,
        /** The entity is gone: consumers remove everything it owns. */
        DELETE,
        /** On demand: the full current state; earlier data about the entity is not to be trusted. */
        RECONCILE;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Operation fromJsonName(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** {@code id}: unique per event, the same on every redelivery; {@code requestId}: shared by split events. */
    public record Meta(String id, String dt, String stream, String requestId) {}

    /** RDF in {@code mimeType} (always {@code text/turtle}). */
    public record RdfData(String data, String mimeType) {
        static RdfData turtle(String data) {
            return new RdfData(data, TURTLE);
        }
    }
}
