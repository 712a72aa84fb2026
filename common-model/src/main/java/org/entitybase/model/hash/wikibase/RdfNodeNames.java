package org.entitybase.model.hash.wikibase;

/**
 * Names that Wikibase's RDF output derives from hashes and GUIDs (HASHES.md §5.4–§5.6): {@code wds:} statement local
 * names and the blank-node labels of somevalue snaks and of {@code wdno:} classes.
 */
public final class RdfNodeNames {
    /** Value namespace: the fixed third part of every somevalue label. */
    public static final String VALUE_NAMESPACE = "http://www.wikidata.org/value/";
    /** Property namespace of a main snak in full form ({@code ps:}). */
    public static final String PROP_STATEMENT_NAMESPACE = "http://www.wikidata.org/prop/statement/";
    /** Property namespace of a qualifier ({@code pq:}). */
    public static final String PROP_QUALIFIER_NAMESPACE = "http://www.wikidata.org/prop/qualifier/";
    /** Property namespace of a reference snak ({@code pr:}); the parent is then the reference hash. */
    public static final String PROP_REFERENCE_NAMESPACE = "http://www.wikidata.org/prop/reference/";
    /** Property namespace of a truthy statement ({@code wdt:}). */
    public static final String PROP_DIRECT_NAMESPACE = "http://www.wikidata.org/prop/direct/";
    /** The entity source name on Wikidata, part of {@code owl:complementOf} labels. */
    public static final String WIKIDATA_SOURCE = "wikidata";

    private RdfNodeNames() {}

    /**
     * {@code wds:} local name: the GUID with every byte outside {@code [A-Za-z0-9_-]} replaced by {@code -}. Wikibase
     * replaces per UTF-8 byte (a non-regex-UTF-8 {@code preg_replace}), so a non-ASCII char yields one {@code -} per
     * byte.
     */
    public static String statementLocalName(String guid) {
        int i = 0;
        while (i < guid.length() && isNameChar(guid.charAt(i))) {
            i++;
        }
        if (i == guid.length()) {
            return guid;
        }
        StringBuilder sb = new StringBuilder(guid.length() + 8).append(guid, 0, i);
        for (; i < guid.length(); i++) {
            char c = guid.charAt(i);
            if (isNameChar(c)) {
                sb.append(c);
            } else if (c < 0x80) {
                sb.append('-');
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < guid.length()
                    && Character.isLowSurrogate(guid.charAt(i + 1))) {
                sb.append("----");
                i++;
            } else {
                sb.append(c < 0x800 ? "--" : "---");
            }
        }
        return sb.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /**
     * Blank-node label of a somevalue snak (§5.5): MD5 of {@code <parent>-<property namespace>-<value namespace>-<snak
     * hash>}. {@code parent} is the statement local name, or the reference hash for reference snaks.
     */
    public static String someValueLabel(String parent, String propertyNamespace, String snakHash) {
        HashScratch scratch = HashScratch.get();
        scratch.start()
                .utf8(parent)
                .raw((byte) '-')
                .utf8(propertyNamespace)
                .raw((byte) '-')
                .ascii(VALUE_NAMESPACE)
                .raw((byte) '-')
                .ascii(snakHash);
        return scratch.md5Hex();
    }

    /** Blank-node label of the {@code owl:complementOf} restriction of a {@code wdno:} class (§5.6). */
    public static String complementOfLabel(String entitySourceName, String propertyId) {
        HashScratch scratch = HashScratch.get();
        scratch.start()
                .ascii("owl:complementOf-")
                .utf8(entitySourceName)
                .raw((byte) '-')
                .ascii(propertyId);
        return scratch.md5Hex();
    }

    /** {@link #complementOfLabel} for Wikidata. */
    public static String complementOfLabel(String propertyId) {
        return complementOfLabel(WIKIDATA_SOURCE, propertyId);
    }
}
