package org.entitybase.rdf.rest;

import java.util.Map;

import org.eclipse.rdf4j.rio.RDFFormat;

import org.entitybase.model.id.EntityId;
import org.entitybase.rdf.mapping.Flavor;
import org.entitybase.runtime.rest.ApiException;

/** The RDF route's file names ({@code Q42.ttl}), formats, content types and flavors, as Special:EntityData has them. */
enum RdfFormat {
    TURTLE("ttl", RDFFormat.TURTLE, "text/turtle; charset=utf-8"),
    NTRIPLES("nt", RDFFormat.NTRIPLES, "application/n-triples; charset=utf-8"),
    RDFXML("rdf", RDFFormat.RDFXML, "application/rdf+xml; charset=utf-8");

    /** Special:EntityData's {@code ?flavor=dump}: the RDF of the entity as a full dump has it (no stubs). */
    static final Flavor DUMP = Flavor.FULL_DUMP;

    final String extension;
    final RDFFormat format;
    final String contentType;

    RdfFormat(String extension, RDFFormat format, String contentType) {
        this.extension = extension;
        this.format = format;
        this.contentType = contentType;
    }

    /** An entity id and a format from {@code Q42.ttl}. */
    record File(EntityId id, RdfFormat format) {}

    static File file(String name) {
        int dot = name.lastIndexOf('.');
        RdfFormat format = dot < 0 ? null : byExtension(name.substring(dot + 1));
        if (format == null) {
            throw new ApiException(
                    404,
                    "unknown-rdf-format",
                    "no RDF document " + name + ": use .ttl, .nt or .rdf",
                    Map.of("file", name));
        }
        return new File(entityId(name.substring(0, dot)), format);
    }

    static EntityId entityId(String value) {
        EntityId id = EntityId.tryParse(value);
        if (id == null) {
            throw new ApiException(400, "invalid-entity-id", "not an entity id: " + value, Map.of("id", value));
        }
        return id;
    }

    private static RdfFormat byExtension(String extension) {
        for (RdfFormat f : values()) {
            if (f.extension.equals(extension)) {
                return f;
            }
        }
        return null;
    }

    /** {@code ?flavor=}: none or {@code full} (everything, with stubs of mentioned entities), {@code dump}. */
    static Flavor flavor(String name) {
        if (name == null || name.isEmpty() || name.equals("full")) {
            return Flavor.FULL;
        }
        if (name.equals("dump")) {
            return DUMP;
        }
        throw new ApiException(
                400,
                "invalid-flavor",
                "unknown RDF flavor " + name + ": use full or dump",
                Map.of("parameter", "flavor", "value", name));
    }

    static Long revision(String value) {
        if (value == null) {
            return null;
        }
        try {
            long revision = Long.parseLong(value.trim());
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(
                400,
                "invalid-parameter",
                "revision must be a positive integer, not " + value,
                Map.of("parameter", "revision"));
    }
}
