package org.entitybase.model.content;

/** Member names of the composite content objects (see package-info), shared by splitter and assembler. */
final class ContentFields {
    static final String SCHEMA = "schema";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String DATATYPE = "datatype";
    static final String LABELS = "labels";
    static final String DESCRIPTIONS = "descriptions";
    static final String ALIASES = "aliases";
    static final String SITELINKS = "sitelinks";
    static final String CLAIMS = "claims";
    static final String LEMMAS = "lemmas";
    static final String LEXICAL_CATEGORY = "lexicalCategory";
    static final String LANGUAGE = "language";
    static final String FORMS = "forms";
    static final String SENSES = "senses";
    static final String NEXT_FORM_ID = "nextFormId";
    static final String NEXT_SENSE_ID = "nextSenseId";
    static final String PAGE = "page";
    static final String PAGE_ID = "pageid";
    static final String NAMESPACE = "ns";
    static final String TITLE = "title";
    static final String LAST_REVISION_ID = "lastrevid";
    static final String MODIFIED = "modified";
    static final String REPRESENTATIONS = "representations";
    static final String GRAMMATICAL_FEATURES = "grammaticalFeatures";
    static final String GLOSSES = "glosses";
    static final String MAINSNAK = "mainsnak";
    static final String RANK = "rank";
    static final String QUALIFIERS = "qualifiers";
    static final String QUALIFIERS_ORDER = "qualifiers-order";
    static final String REFERENCES = "references";
    static final String HASH = "hash";
    static final String SNAKS = "snaks";
    static final String SNAKS_ORDER = "snaks-order";

    private ContentFields() {}
}
