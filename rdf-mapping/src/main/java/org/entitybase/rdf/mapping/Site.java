package org.entitybase.rdf.mapping;

/**
 * A client wiki as the sites table describes it: its global id ({@code enwiki}), content language code (as the sites
 * table has it, before BCP 47 canonicalization), group ({@code wikipedia}; null when it has none) and link path with
 * {@code $1} for the page title ({@code https://en.wikipedia.org/wiki/$1}).
 */
public record Site(String globalId, String languageCode, String group, String linkPath) {
    public Site {
        if (globalId == null || linkPath == null) {
            throw new IllegalArgumentException("a site needs a global id and a link path");
        }
    }
}
