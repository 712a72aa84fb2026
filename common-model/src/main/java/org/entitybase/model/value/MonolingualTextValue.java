package org.entitybase.model.value;

/** Text in one language. JSON lists {@code text} first; the Wikibase hash puts the language first. */
public record MonolingualTextValue(String text, String language) implements DataValue {
    @Override
    public DataValueType type() {
        return DataValueType.MONOLINGUAL_TEXT;
    }
}
