package org.entitybase.rdf.mapping;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;

import org.entitybase.model.id.EntityId;

/**
 * What Wikidata's Special:EntityData/L42-F1 holds, derived from its Special:EntityData/L42 (the real pairs have only
 * whole lexemes): the lexeme's data node renamed to the part's ({@code data:L42-F1 schema:about wd:L42-F1}, same
 * revision, timestamp and page properties: they are the lexeme page's), and every triple reachable from the part
 * (its statements, their values and references, the stubs and property declarations of what it mentions). The
 * lexeme and its other parts are not followed: the lexeme's document writes them in full, not as the stubs a part's
 * document would have.
 */
public final class LexemePartGraphs {
    private static final String WD = RdfVocabulary.WIKIDATA_CONCEPT_BASE;
    private static final String DATA = RdfVocabulary.WIKIDATA_DATA_BASE;
    private static final String PROP = "http://www.wikidata.org/prop/";
    private static final String SCHEMA_ABOUT = "http://schema.org/about";
    private static final Pattern PROPERTY = Pattern.compile("/(P[1-9][0-9]*)$");

    private LexemePartGraphs() {}

    /** The document of {@code part} inside {@code lexemeDocument}, the Special:EntityData graph of its lexeme. */
    public static Model partDocument(Model lexemeDocument, EntityId part) {
        EntityId lexeme = part.container();
        IRI lexemeData = Iris.VF.createIRI(DATA + lexeme.value());
        IRI partData = Iris.VF.createIRI(DATA + part.value());
        IRI partIri = Iris.VF.createIRI(WD + part.value());
        Model out = new LinkedHashModel();
        for (Statement s : lexemeDocument.filter(lexemeData, null, null)) {
            Value object = s.getPredicate().stringValue().equals(SCHEMA_ABOUT) ? partIri : s.getObject();
            out.add(partData, s.getPredicate(), object);
        }
        Set<Resource> seen = new HashSet<>();
        Deque<Resource> todo = new ArrayDeque<>();
        todo.add(partIri);
        seen.add(partIri);
        while (!todo.isEmpty()) {
            Resource subject = todo.poll();
            for (Statement s : lexemeDocument.filter(subject, null, null)) {
                out.add(s);
                follow(s.getObject(), lexeme, seen, todo);
                Matcher property = PROPERTY.matcher(s.getPredicate().stringValue());
                if (s.getPredicate().stringValue().startsWith(PROP) && property.find()) {
                    follow(Iris.VF.createIRI(WD + property.group(1)), lexeme, seen, todo);
                }
            }
        }
        return out;
    }

    private static void follow(Value value, EntityId lexeme, Set<Resource> seen, Deque<Resource> todo) {
        if (!(value instanceof IRI || value instanceof BNode)) {
            return;
        }
        String text = value.stringValue();
        if (text.startsWith(WD)) {
            EntityId id = EntityId.tryParse(text.substring(WD.length()));
            if (id != null && id.container().equals(lexeme)) {
                return;
            }
        }
        if (seen.add((Resource) value)) {
            todo.add((Resource) value);
        }
    }
}
