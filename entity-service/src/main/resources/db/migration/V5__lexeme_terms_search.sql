-- Lemma and representation lookups (GET /lexemes): by type and text with or without a language, optionally by
-- the lexeme's lexical category. Rows written before this migration have no category until their lexeme's next edit.
ALTER TABLE lexeme_terms
    ADD COLUMN lexical_category VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER term_text,
    ADD KEY idx_lexeme_terms_type_text (term_type, term_text),
    ADD KEY idx_lexeme_terms_type_language_text (term_type, language, term_text);
