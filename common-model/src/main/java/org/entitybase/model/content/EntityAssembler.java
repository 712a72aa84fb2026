package org.entitybase.model.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.Property;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Rank;
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
 * Rebuilds an entity from its revision manifest and a lookup of content objects: the inverse of
 * {@link EntitySplitter}, giving a record-equal entity. Every fetched object is checked against its address, so a
 * corrupt or misfiled object fails loudly instead of producing a wrong entity. Leaves are read with the lenient
 * {@link WikibaseJsonReader} (stored content may be legacy). Thread-safe.
 */
public final class EntityAssembler {
    private final WikibaseJsonReader reader;

    public EntityAssembler() {
        this(WikibaseJsonReader.lenient());
    }

    public EntityAssembler(WikibaseJsonReader reader) {
        this.reader = reader;
    }

    /** Fetches the revision object at {@code revision} and assembles its entity. */
    public Entity assemble(ContentAddress revision, Function<ContentAddress, byte[]> lookup) {
        Run run = new Run(lookup);
        return run.entity(RevisionManifest.fromJson(run.fetch(revision)));
    }

    public Entity assemble(RevisionManifest manifest, Function<ContentAddress, byte[]> lookup) {
        return new Run(lookup).entity(manifest);
    }

    /** One assembly: objects referenced many times (snaks, terms) are fetched and decoded once. */
    private final class Run {
        private final Function<ContentAddress, byte[]> lookup;
        private final Map<ContentAddress, Object> decoded = new HashMap<>();

        Run(Function<ContentAddress, byte[]> lookup) {
            this.lookup = lookup;
        }

        byte[] fetch(ContentAddress address) {
            byte[] bytes = lookup.apply(address);
            if (bytes == null) {
                throw new IllegalStateException("content object " + address + " is missing");
            }
            ContentAddress actual = ContentAddress.of(address.kind(), bytes);
            if (!actual.equals(address)) {
                throw new IllegalStateException("content object " + address + " has the bytes of " + actual);
            }
            return bytes;
        }

        @SuppressWarnings("unchecked")
        private <T> T cached(ContentAddress address, Function<byte[], T> decode) {
            Object known = decoded.get(address);
            if (known == null) {
                known = decode.apply(fetch(address));
                decoded.put(address, known);
            }
            return (T) known;
        }

        Entity entity(RevisionManifest m) {
            Map<String, List<Statement>> claims = claims(m.claims());
            return switch (m.type()) {
                case ITEM -> new Item(m.id(), fingerprint(m), claims, sitelinks(m.sitelinks()), m.page());
                case PROPERTY -> new Property(m.id(), m.datatype(), fingerprint(m), claims, m.page());
                case MEDIAINFO -> new MediaInfo(m.id(), fingerprint(m), claims, m.page());
                case LEXEME -> {
                    List<Form> forms = new ArrayList<>(m.forms().size());
                    m.forms().forEach(a -> forms.add(form(a)));
                    List<Sense> senses = new ArrayList<>(m.senses().size());
                    m.senses().forEach(a -> senses.add(sense(a)));
                    yield new Lexeme(
                            m.id(),
                            terms(m.lemmas()),
                            m.lexicalCategory(),
                            m.language(),
                            claims,
                            forms,
                            senses,
                            m.nextFormId(),
                            m.nextSenseId(),
                            m.page());
                }
                default -> throw new IllegalArgumentException("no entity of type " + m.type());
            };
        }

        private Fingerprint fingerprint(RevisionManifest m) {
            Map<String, List<Term>> aliases = new LinkedHashMap<>();
            m.aliases().forEach((lang, addresses) -> {
                List<Term> list = new ArrayList<>(addresses.size());
                addresses.forEach(a -> list.add(term(a)));
                aliases.put(lang, list);
            });
            return new Fingerprint(terms(m.labels()), terms(m.descriptions()), aliases);
        }

        private Term term(ContentAddress address) {
            return cached(address, reader::readTerm);
        }

        private Map<String, Term> terms(Map<String, ContentAddress> byLanguage) {
            Map<String, Term> out = new LinkedHashMap<>();
            byLanguage.forEach((lang, a) -> out.put(lang, term(a)));
            return out;
        }

        private Map<String, Sitelink> sitelinks(Map<String, ContentAddress> bySite) {
            Map<String, Sitelink> out = new LinkedHashMap<>();
            bySite.forEach((site, a) -> out.put(site, cached(a, reader::readSitelink)));
            return out;
        }

        private Snak snak(ContentAddress address) {
            return cached(address, reader::readSnak);
        }

        private Map<String, List<Snak>> snakGroups(JsonNode groups) {
            Map<String, List<Snak>> out = new LinkedHashMap<>();
            if (groups != null) {
                groups.forEach(group -> {
                    List<Snak> snaks = new ArrayList<>(group.get(1).size());
                    group.get(1).forEach(h -> snaks.add(snak(ContentKind.SNAK.address(h.textValue()))));
                    out.put(group.get(0).textValue(), snaks);
                });
            }
            return out;
        }

        private Reference reference(ContentAddress address) {
            return cached(address, bytes -> {
                JsonNode o = CompositeJson.parse(bytes);
                return new Reference(
                        CompositeJson.text(o, HASH),
                        snakGroups(o.get(SNAKS)),
                        CompositeJson.readStrings(o.get(SNAKS_ORDER)));
            });
        }

        /** The statement without its GUID (shared by every statement with the same claim). */
        private Statement statement(ContentAddress address) {
            return cached(address, bytes -> {
                JsonNode o = CompositeJson.parse(bytes);
                Map<String, List<Snak>> qualifiers = Map.of();
                List<String> qualifiersOrder = List.of();
                String qualifiersHash = CompositeJson.text(o, QUALIFIERS);
                if (qualifiersHash != null) {
                    JsonNode q = CompositeJson.parse(fetch(ContentKind.QUALIFIERS.address(qualifiersHash)));
                    qualifiers = snakGroups(q.get(QUALIFIERS));
                    qualifiersOrder = CompositeJson.readStrings(q.get(QUALIFIERS_ORDER));
                }
                List<Reference> references = new ArrayList<>();
                CompositeJson.readAddresses(o.get(REFERENCES), ContentKind.REFERENCE)
                        .forEach(a -> references.add(reference(a)));
                String rank = CompositeJson.text(o, RANK);
                return new Statement(
                        null,
                        snak(ContentKind.SNAK.address(CompositeJson.text(o, MAINSNAK))),
                        rank == null ? null : Rank.fromJsonName(rank),
                        qualifiers,
                        qualifiersOrder,
                        references);
            });
        }

        private Map<String, List<Statement>> claims(Map<String, List<StatementRef>> refs) {
            Map<String, List<Statement>> out = new LinkedHashMap<>();
            refs.forEach((property, list) -> {
                List<Statement> statements = new ArrayList<>(list.size());
                list.forEach(r -> statements.add(statement(r.statement()).withId(r.guid())));
                out.put(property, statements);
            });
            return out;
        }

        private Form form(ContentAddress address) {
            JsonNode o = CompositeJson.parse(fetch(address));
            String id = CompositeJson.text(o, ID);
            return new Form(
                    id == null ? null : EntityId.parse(id),
                    terms(CompositeJson.readAddressPairs(o.get(REPRESENTATIONS), ContentKind.TERM)),
                    CompositeJson.readStrings(o.get(GRAMMATICAL_FEATURES)),
                    claims(CompositeJson.readClaimPairs(o.get(CLAIMS))));
        }

        private Sense sense(ContentAddress address) {
            JsonNode o = CompositeJson.parse(fetch(address));
            String id = CompositeJson.text(o, ID);
            return new Sense(
                    id == null ? null : EntityId.parse(id),
                    terms(CompositeJson.readAddressPairs(o.get(GLOSSES), ContentKind.TERM)),
                    claims(CompositeJson.readClaimPairs(o.get(CLAIMS))));
        }
    }
}
