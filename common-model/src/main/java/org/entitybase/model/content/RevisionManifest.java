package org.entitybase.model.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.entitybase.model.Immutables;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.hash.content.JsonCanonicalizer;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * What a revision object holds (STORAGE.md): the entity's own scalar fields inline and every shared part by content
 * address. Maps keep the entity's JSON order. Parts that an entity type lacks are empty (or null for scalars): a
 * lexeme has no labels, an item no lemmas.
 *
 * @param id the entity id (null only before one is assigned)
 * @param schemaVersion the revision schema, {@link #SCHEMA_VERSION} for what this code writes
 * @param datatype a property's datatype; null for other types
 * @param labels language → term address (items, properties, mediainfo)
 * @param descriptions language → term address
 * @param aliases language → term addresses, in order
 * @param sitelinks site → sitelink address (items)
 * @param claims property → statements in order, as (GUID, statement address)
 * @param lemmas language → term address (lexemes)
 * @param lexicalCategory item id (lexemes)
 * @param language item id (lexemes)
 * @param forms form addresses in order (lexemes)
 * @param senses sense addresses in order (lexemes)
 * @param nextFormId the lexeme's next form number, when known
 * @param nextSenseId the lexeme's next sense number, when known
 * @param page page metadata (not shared, so inline)
 */
public record RevisionManifest(
        EntityId id,
        EntityType type,
        String schemaVersion,
        String datatype,
        Map<String, ContentAddress> labels,
        Map<String, ContentAddress> descriptions,
        Map<String, List<ContentAddress>> aliases,
        Map<String, ContentAddress> sitelinks,
        Map<String, List<StatementRef>> claims,
        Map<String, ContentAddress> lemmas,
        String lexicalCategory,
        String language,
        List<ContentAddress> forms,
        List<ContentAddress> senses,
        Integer nextFormId,
        Integer nextSenseId,
        PageMetadata page) {
    /** The revision schema of the seed ("Revision: 4.0.0 (full deduplication)"). */
    public static final String SCHEMA_VERSION = "4.0.0";

    public RevisionManifest {
        if (type == null) {
            throw new IllegalArgumentException("a revision needs an entity type");
        }
        labels = Immutables.orderedMap(labels);
        descriptions = Immutables.orderedMap(descriptions);
        aliases = Immutables.orderedMultimap(aliases);
        sitelinks = Immutables.orderedMap(sitelinks);
        claims = Immutables.orderedMultimap(claims);
        lemmas = Immutables.orderedMap(lemmas);
        forms = Immutables.list(forms);
        senses = Immutables.list(senses);
        page = page == null ? PageMetadata.NONE : page;
    }

    /** The revision object's bytes: canonical JSON of the shape in package-info. */
    public byte[] canonicalJson() {
        return JsonCanonicalizer.canonicalize(CompositeJson.manifest(this));
    }

    /** The revision object's address (kind {@code revision}). */
    public ContentAddress address() {
        return ContentKind.REVISION.address(canonicalJson());
    }

    /** Reads a revision object's bytes. */
    public static RevisionManifest fromJson(byte[] json) {
        return CompositeJson.readManifest(CompositeJson.parse(json));
    }

    /**
     * Every address the revision refers to directly (terms, sitelinks, statements, forms, senses), with repeats. The
     * storage layer follows these, and then the children of composite objects, to count references.
     */
    public List<ContentAddress> directChildren() {
        List<ContentAddress> out = new ArrayList<>();
        out.addAll(labels.values());
        out.addAll(descriptions.values());
        aliases.values().forEach(out::addAll);
        out.addAll(sitelinks.values());
        claims.values().forEach(refs -> refs.forEach(r -> out.add(r.statement())));
        out.addAll(lemmas.values());
        out.addAll(forms);
        out.addAll(senses);
        return out;
    }
}
