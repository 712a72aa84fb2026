package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.model.IRI;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * All IRIs Wikibase derives from one property id ({@code wd:P31}, {@code wdt:P31}, {@code p:P31}, {@code ps:P31},
 * …), built once per property and kept by {@link RdfVocabulary} so that writing a snak builds no strings.
 */
final class PropertyIris {
    final String id;
    final EntityId entityId;
    final RdfVocabulary.Source source;
    final IRI entity;
    final IRI direct;
    final IRI directNormalized;
    final IRI claim;
    final IRI statement;
    final IRI statementValue;
    final IRI statementValueNormalized;
    final IRI qualifier;
    final IRI qualifierValue;
    final IRI qualifierValueNormalized;
    final IRI reference;
    final IRI referenceValue;
    final IRI referenceValueNormalized;
    final IRI novalue;

    PropertyIris(RdfVocabulary.Source source, String id) {
        this.id = id;
        this.entityId = new EntityId(EntityType.PROPERTY, id);
        this.source = source;
        this.entity = iri(source.entity, id);
        this.direct = iri(source.direct, id);
        this.directNormalized = iri(source.directNormalized, id);
        this.claim = iri(source.claim, id);
        this.statement = iri(source.statementProperty, id);
        this.statementValue = iri(source.statementValue, id);
        this.statementValueNormalized = iri(source.statementValueNormalized, id);
        this.qualifier = iri(source.qualifier, id);
        this.qualifierValue = iri(source.qualifierValue, id);
        this.qualifierValueNormalized = iri(source.qualifierValueNormalized, id);
        this.reference = iri(source.referenceProperty, id);
        this.referenceValue = iri(source.referenceValue, id);
        this.referenceValueNormalized = iri(source.referenceValueNormalized, id);
        this.novalue = iri(source.novalue, id);
    }

    private static IRI iri(String namespace, String id) {
        return Iris.VF.createIRI(namespace, id);
    }

    /** The property id ({@code P31}). */
    public String id() {
        return id;
    }

    /** {@code wd:P31}. */
    public IRI entity() {
        return entity;
    }

    /** The predicate of the simple value: {@code wdt:}, {@code ps:}, {@code pq:} or {@code pr:}. */
    IRI simple(SnakRole role) {
        return switch (role) {
            case DIRECT -> direct;
            case STATEMENT -> statement;
            case QUALIFIER -> qualifier;
            case REFERENCE -> reference;
        };
    }

    /** The predicate of the value node: {@code psv:}, {@code pqv:} or {@code prv:}; truthy output has none. */
    IRI value(SnakRole role) {
        return switch (role) {
            case DIRECT -> null;
            case STATEMENT -> statementValue;
            case QUALIFIER -> qualifierValue;
            case REFERENCE -> referenceValue;
        };
    }

    /** The predicate of the normalized value: {@code wdtn:}, {@code psn:}, {@code pqn:} or {@code prn:}. */
    IRI normalized(SnakRole role) {
        return switch (role) {
            case DIRECT -> directNormalized;
            case STATEMENT -> statementValueNormalized;
            case QUALIFIER -> qualifierValueNormalized;
            case REFERENCE -> referenceValueNormalized;
        };
    }
}
