package org.entitybase.model.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.Property;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.hash.content.JsonCanonicalizer;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;

import static org.entitybase.model.content.ContentFields.CLAIMS;
import static org.entitybase.model.content.ContentFields.GLOSSES;
import static org.entitybase.model.content.ContentFields.GRAMMATICAL_FEATURES;
import static org.entitybase.model.content.ContentFields.HASH;
import static org.entitybase.model.content.ContentFields.ID;
import static org.entitybase.model.content.ContentFields.MAINSNAK;
import static org.entitybase.model.content.ContentFields.QUALIFIERS;
import static org.entitybase.model.content.ContentFields.QUALIFIERS_ORDER;
import static org.entitybase.model.content.ContentFields.RANK;
import static org.entitybase.model.content.ContentFields.REFERENCES;
import static org.entitybase.model.content.ContentFields.REPRESENTATIONS;
import static org.entitybase.model.content.ContentFields.SNAKS;
import static org.entitybase.model.content.ContentFields.SNAKS_ORDER;

/**
 * Splits an entity into content objects (STORAGE.md; shapes in package-info). Leaf objects are the canonicalized
 * Wikibase JSON of {@link WikibaseJsonWriter}, written canonically straight from the model ({@link CanonicalLeaves});
 * composites refer to children by address. Statement objects carry no GUID, so equal claims of different entities
 * (or revisions) share one address. Thread-safe.
 */
public final class EntitySplitter {

    public SplitEntity split(Entity entity) {
        return new Run().split(entity);
    }

    /** The address of one statement as {@link #split} would give it (its GUID plays no part). */
    public ContentAddress statementAddress(Statement statement) {
        return new Run().statement(statement);
    }

    /** One split: collects objects and remembers leaves already addressed (entities repeat snaks and terms a lot). */
    private final class Run {
        private final Map<ContentAddress, byte[]> objects = new LinkedHashMap<>();
        private final Map<Snak, ContentAddress> snaks = new HashMap<>();
        private final Map<Term, ContentAddress> terms = new HashMap<>();
        private final CanonicalLeaves leaves = new CanonicalLeaves();

        SplitEntity split(Entity entity) {
            Fingerprint fingerprint = Fingerprint.EMPTY;
            String datatype = null;
            Map<String, ContentAddress> sitelinks = Map.of();
            Map<String, ContentAddress> lemmas = Map.of();
            String lexicalCategory = null;
            String language = null;
            List<ContentAddress> forms = List.of();
            List<ContentAddress> senses = List.of();
            Integer nextFormId = null;
            Integer nextSenseId = null;
            if (entity instanceof Item item) {
                fingerprint = item.fingerprint();
                sitelinks = sitelinks(item.sitelinks());
            } else if (entity instanceof Property property) {
                fingerprint = property.fingerprint();
                datatype = property.datatype();
            } else if (entity instanceof MediaInfo mediaInfo) {
                fingerprint = mediaInfo.fingerprint();
            } else {
                Lexeme lexeme = (Lexeme) entity;
                lemmas = terms(lexeme.lemmas());
                lexicalCategory = lexeme.lexicalCategory();
                language = lexeme.language();
                forms = new ArrayList<>(lexeme.forms().size());
                for (Form f : lexeme.forms()) {
                    forms.add(form(f));
                }
                senses = new ArrayList<>(lexeme.senses().size());
                for (Sense s : lexeme.senses()) {
                    senses.add(sense(s));
                }
                nextFormId = lexeme.nextFormId();
                nextSenseId = lexeme.nextSenseId();
            }
            Map<String, List<ContentAddress>> aliases = new LinkedHashMap<>();
            fingerprint.aliases().forEach((lang, list) -> {
                List<ContentAddress> addresses = new ArrayList<>(list.size());
                list.forEach(t -> addresses.add(term(t)));
                aliases.put(lang, addresses);
            });
            RevisionManifest manifest = new RevisionManifest(
                    entity.id(),
                    entity.type(),
                    RevisionManifest.SCHEMA_VERSION,
                    datatype,
                    terms(fingerprint.labels()),
                    terms(fingerprint.descriptions()),
                    aliases,
                    sitelinks,
                    claims(entity.claims()),
                    lemmas,
                    lexicalCategory,
                    language,
                    forms,
                    senses,
                    nextFormId,
                    nextSenseId,
                    entity.page());
            ContentAddress revision = put(ContentKind.REVISION, manifest.canonicalJson());
            return new SplitEntity(manifest, revision, objects);
        }

        private ContentAddress put(ContentKind kind, byte[] canonical) {
            ContentAddress address = kind.address(canonical);
            objects.putIfAbsent(address, canonical);
            return address;
        }

        private ContentAddress composite(ContentKind kind, ObjectNode node) {
            return put(kind, JsonCanonicalizer.canonicalize(node));
        }

        ContentAddress snak(Snak snak) {
            ContentAddress known = snaks.get(snak);
            if (known == null) {
                known = put(ContentKind.SNAK, leaves.snak(snak));
                snaks.put(snak, known);
            }
            return known;
        }

        ContentAddress term(Term term) {
            ContentAddress known = terms.get(term);
            if (known == null) {
                known = put(ContentKind.TERM, leaves.term(term));
                terms.put(term, known);
            }
            return known;
        }

        private Map<String, ContentAddress> terms(Map<String, Term> byLanguage) {
            Map<String, ContentAddress> out = new LinkedHashMap<>();
            byLanguage.forEach((lang, t) -> out.put(lang, term(t)));
            return out;
        }

        private Map<String, ContentAddress> sitelinks(Map<String, Sitelink> bySite) {
            Map<String, ContentAddress> out = new LinkedHashMap<>();
            bySite.forEach((site, link) -> out.put(site, put(ContentKind.SITELINK, leaves.sitelink(link))));
            return out;
        }

        /** {@code [[pid, [snak…]]…]}. */
        private ArrayNode snakGroups(Map<String, List<Snak>> byProperty) {
            ArrayNode groups = CompositeJson.NODES.arrayNode(byProperty.size());
            byProperty.forEach((property, list) -> {
                ArrayNode addresses = groups.addArray().add(property).addArray();
                list.forEach(s -> addresses.add(snak(s).sha256()));
            });
            return groups;
        }

        ContentAddress reference(Reference reference) {
            ObjectNode o = CompositeJson.object();
            CompositeJson.putIfNotNull(o, HASH, reference.hash());
            CompositeJson.putIfNotEmpty(o, SNAKS, snakGroups(reference.snaks()));
            CompositeJson.putIfNotEmpty(o, SNAKS_ORDER, CompositeJson.strings(reference.snaksOrder()));
            return composite(ContentKind.REFERENCE, o);
        }

        ContentAddress statement(Statement statement) {
            ObjectNode o = CompositeJson.object();
            o.put(MAINSNAK, snak(statement.mainsnak()).sha256());
            if (statement.rank() != null) {
                o.put(RANK, statement.rank().jsonName());
            }
            if (!statement.qualifiers().isEmpty()
                    || !statement.qualifiersOrder().isEmpty()) {
                ObjectNode q = CompositeJson.object();
                CompositeJson.putIfNotEmpty(q, QUALIFIERS, snakGroups(statement.qualifiers()));
                CompositeJson.putIfNotEmpty(q, QUALIFIERS_ORDER, CompositeJson.strings(statement.qualifiersOrder()));
                o.put(QUALIFIERS, composite(ContentKind.QUALIFIERS, q).sha256());
            }
            ArrayNode references =
                    CompositeJson.NODES.arrayNode(statement.references().size());
            statement.references().forEach(r -> references.add(reference(r).sha256()));
            CompositeJson.putIfNotEmpty(o, REFERENCES, references);
            return composite(ContentKind.STATEMENT, o);
        }

        private Map<String, List<StatementRef>> claims(Map<String, List<Statement>> claims) {
            Map<String, List<StatementRef>> out = new LinkedHashMap<>();
            claims.forEach((property, list) -> {
                List<StatementRef> refs = new ArrayList<>(list.size());
                list.forEach(s -> refs.add(new StatementRef(s.id(), statement(s))));
                out.put(property, refs);
            });
            return out;
        }

        private ContentAddress form(Form form) {
            ObjectNode o = CompositeJson.object();
            CompositeJson.putIfNotNull(
                    o, ID, form.id() == null ? null : form.id().value());
            CompositeJson.putIfNotEmpty(o, REPRESENTATIONS, CompositeJson.addressPairs(terms(form.representations())));
            CompositeJson.putIfNotEmpty(o, GRAMMATICAL_FEATURES, CompositeJson.strings(form.grammaticalFeatures()));
            CompositeJson.putIfNotEmpty(o, CLAIMS, CompositeJson.claimPairs(claims(form.claims())));
            return composite(ContentKind.FORM, o);
        }

        private ContentAddress sense(Sense sense) {
            ObjectNode o = CompositeJson.object();
            CompositeJson.putIfNotNull(
                    o, ID, sense.id() == null ? null : sense.id().value());
            CompositeJson.putIfNotEmpty(o, GLOSSES, CompositeJson.addressPairs(terms(sense.glosses())));
            CompositeJson.putIfNotEmpty(o, CLAIMS, CompositeJson.claimPairs(claims(sense.claims())));
            return composite(ContentKind.SENSE, o);
        }
    }
}
