package org.entitybase.rdf.diff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

import org.entitybase.rdf.diff.RdfChangeEvent.RdfData;

/**
 * A consumer's view of entity_diff events: their Turtle parsed with blank-node labels kept (they are canonical, so a
 * later event can delete what an earlier one added), and what to add and remove.
 */
public final class RdfReplay {

    private RdfReplay() {}

    /** The triples to remove, then to add, for one event. */
    public record Change(List<Statement> remove, List<Statement> add) {}

    public static Change change(RdfChangeEvent event) {
        List<Statement> remove = new ArrayList<>();
        List<Statement> add = new ArrayList<>();
        add.addAll(parse(event.addedData()));
        add.addAll(parse(event.linkedSharedData()));
        remove.addAll(parse(event.deletedData()));
        remove.addAll(parse(event.unlinkedSharedData()));
        return new Change(remove, add);
    }

    static Model parse(RdfData data) {
        if (data == null) {
            return new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        }
        return parseTurtle(data.data());
    }

    public static Model parseTurtle(String turtle) {
        ParserConfig config = new ParserConfig();
        config.set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
        try {
            return Rio.parse(
                    new ByteArrayInputStream(turtle.getBytes(StandardCharsets.UTF_8)), "", RDFFormat.TURTLE, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
