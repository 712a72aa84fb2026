package org.entitybase.model.term;

/** A label, description, alias, lemma, representation or gloss: text in one language. */
public record Term(String language, String value) {}
