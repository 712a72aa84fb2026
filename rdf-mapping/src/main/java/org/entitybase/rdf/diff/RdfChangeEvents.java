package org.entitybase.rdf.diff;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

import org.entitybase.rdf.diff.RdfChangeEvent.Meta;
import org.entitybase.rdf.diff.RdfChangeEvent.Operation;
import org.entitybase.rdf.diff.RdfChangeEvent.RdfData;
import org.entitybase.rdf.mapping.RdfVocabulary;
import org.entitybase.rdf.mapping.RdfWriterSettings;

/**
 * Turns a patch into entity_diff events: the fields the operation uses (import: added and linked shared data; diff:
 * all four; reconcile: added data; delete: none), split into events of at most {@code maxTriples} triples. Everything
 * is a function of the inputs: the same change always gives the same events, byte for byte, and consumers can drop
 * a redelivered event by its {@code meta.id}.
 */
public final class RdfChangeEvents {

    private final RdfVocabulary vocabulary;
    private final String stream;
    private final int maxTriples;

    public RdfChangeEvents(RdfVocabulary vocabulary, String stream, int maxTriples) {
        if (maxTriples < 1) {
            throw new IllegalArgumentException("maxTriples must be ≥ 1");
        }
        this.vocabulary = vocabulary;
        this.stream = stream;
        this.maxTriples = maxTriples;
    }

    /** What the events are about. {@code idSeed} goes into every {@code meta.id} (empty for entity changes). */
    public record Header(String entityId, long revId, String dt, String requestId, String idSeed) {}

    public List<RdfChangeEvent> events(Header header, Operation operation, RdfPatch patch) {
        List<List<Statement>> fields = switch (operation) {
            case IMPORT -> List.of(patch.added(), List.of(), patch.linkedShared(), List.of());
            case DIFF -> List.of(patch.added(), patch.deleted(), patch.linkedShared(), patch.unlinkedShared());
            case RECONCILE -> List.of(RdfPatch.sorted(all(patch)), List.of(), List.of(), List.of());
            case DELETE -> List.of(List.of(), List.of(), List.of(), List.of());
        };
        boolean[] used = switch (operation) {
            case IMPORT -> new boolean[] {true, false, true, false};
            case DIFF -> new boolean[] {true, true, true, true};
            case RECONCILE -> new boolean[] {true, false, false, false};
            case DELETE -> new boolean[] {false, false, false, false};
        };
        int total = 0;
        for (List<Statement> field : fields) {
            total += field.size();
        }
        int chunks = Math.max(1, (total + maxTriples - 1) / maxTriples);
        List<RdfChangeEvent> events = new ArrayList<>(chunks);
        int field = 0;
        int offset = 0;
        for (int sequence = 0; sequence < chunks; sequence++) {
            List<List<Statement>> parts = new ArrayList<>(List.of(List.of(), List.of(), List.of(), List.of()));
            int room = maxTriples;
            while (room > 0 && field < 4) {
                List<Statement> source = fields.get(field);
                int take = Math.min(room, source.size() - offset);
                if (take > 0) {
                    parts.set(field, source.subList(offset, offset + take));
                    offset += take;
                    room -= take;
                }
                if (offset >= source.size()) {
                    field++;
                    offset = 0;
                }
            }
            String id = uuid(header, operation, sequence);
            events.add(new RdfChangeEvent(
                    header.entityId(),
                    header.revId(),
                    operation,
                    header.dt(),
                    new Meta(id, header.dt(), stream, header.requestId()),
                    sequence,
                    chunks,
                    used[0] ? turtle(parts.get(0)) : null,
                    used[1] ? turtle(parts.get(1)) : null,
                    used[2] ? turtle(parts.get(2)) : null,
                    used[3] ? turtle(parts.get(3)) : null));
        }
        return events;
    }

    /** A name-based UUID of what identifies one event of one change. */
    static String uuid(Header header, Operation operation, int sequence) {
        String name = "entitybase/entity_diff\n" + header.entityId() + '\n' + header.revId() + '\n' + sequence + '\n'
                + operation.jsonName() + '\n' + header.idSeed();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Statement> all(RdfPatch patch) {
        List<Statement> all = new ArrayList<>(patch.added());
        all.addAll(patch.linkedShared());
        return all;
    }

    /** Turtle of {@code statements} in the given order, declaring only the vocabulary prefixes it uses. */
    RdfData turtle(Collection<Statement> statements) {
        StringWriter out = new StringWriter();
        RDFWriter writer = Rio.createWriter(RDFFormat.TURTLE, out);
        writer.setWriterConfig(RdfWriterSettings.writerConfig());
        writer.startRDF();
        for (Map.Entry<String, String> prefix : vocabulary.prefixes().entrySet()) {
            if (uses(statements, prefix.getValue())) {
                writer.handleNamespace(prefix.getKey(), prefix.getValue());
            }
        }
        for (Statement s : statements) {
            writer.handleStatement(s);
        }
        writer.endRDF();
        return RdfData.turtle(out.toString());
    }

    private static boolean uses(Collection<Statement> statements, String namespace) {
        for (Statement s : statements) {
            if (in(s.getSubject(), namespace) || in(s.getPredicate(), namespace) || in(s.getObject(), namespace)) {
                return true;
            }
        }
        return false;
    }

    private static boolean in(Value value, String namespace) {
        return value instanceof IRI iri && iri.stringValue().startsWith(namespace);
    }
}
