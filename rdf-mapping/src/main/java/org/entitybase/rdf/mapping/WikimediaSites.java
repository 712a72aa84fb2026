package org.entitybase.rdf.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Wikimedia sites Wikidata links to, derived from their global ids the way Wikimedia names its wikis: {@code
 * <lang><family>} (e.g. {@code dewiki}, {@code frwikiquote}, {@code zh_min_nanwiki}) is {@code
 * https://<lang>.<family>.org/wiki/$1} in group {@code <family>} ({@code wikipedia} for {@code wiki}) with content
 * language {@code <lang>}, plus the project wikis that do not follow the pattern ({@code commonswiki}, …) and the few
 * wikis whose domain or content language differs from their id.
 *
 * <p>Wikibase reads these from the sites table; this derivation stands in for it until the service has one. It covers
 * every site of the real Wikidata pairs in {@code shared/data}; ids it cannot place are unknown (their sitelinks are
 * left out, as Wikibase does for sites it does not know).
 */
public final class WikimediaSites implements SiteLookup {

    public static final WikimediaSites INSTANCE = new WikimediaSites();

    private static final String[][] FAMILIES = {
        {"wiktionary", "wiktionary", "wiktionary"},
        {"wikibooks", "wikibooks", "wikibooks"},
        {"wikinews", "wikinews", "wikinews"},
        {"wikiquote", "wikiquote", "wikiquote"},
        {"wikisource", "wikisource", "wikisource"},
        {"wikiversity", "wikiversity", "wikiversity"},
        {"wikivoyage", "wikivoyage", "wikivoyage"},
        {"wiki", "wikipedia", "wikipedia"},
    };

    /** Project wikis: global id → {host, group}; their content language is English. */
    private static final Map<String, String[]> SPECIAL = Map.of(
            "commonswiki", new String[] {"commons.wikimedia.org", "commons"},
            "specieswiki", new String[] {"species.wikimedia.org", "species"},
            "metawiki", new String[] {"meta.wikimedia.org", "meta"},
            "mediawikiwiki", new String[] {"www.mediawiki.org", "mediawiki"},
            "wikidatawiki", new String[] {"www.wikidata.org", "wikidata"},
            "sourceswiki", new String[] {"wikisource.org", "sources"},
            "wikimaniawiki", new String[] {"wikimania.wikimedia.org", "wikimania"},
            "outreachwiki", new String[] {"outreach.wikimedia.org", "outreach"},
            "wikifunctionswiki", new String[] {"www.wikifunctions.org", "wikifunctions"});

    /** Wikis whose domain is not their id's language part. */
    private static final Map<String, String> SUBDOMAIN = Map.of("be-x-old", "be-tarask");

    /** Wikis whose content language (in the sites table) is not their id's language part. */
    private static final Map<String, String> LANGUAGE = Map.of("be-x-old", "be-tarask");

    private final Map<String, Site> cache = new ConcurrentHashMap<>();

    private WikimediaSites() {}

    @Override
    public Site site(String globalId) {
        Site site = cache.get(globalId);
        if (site == null) {
            site = derive(globalId);
            if (site != null) {
                cache.put(globalId, site);
            }
        }
        return site;
    }

    private static Site derive(String globalId) {
        String[] special = SPECIAL.get(globalId);
        if (special != null) {
            return new Site(globalId, "en", special[1], "https://" + special[0] + "/wiki/$1");
        }
        for (String[] family : FAMILIES) {
            if (globalId.endsWith(family[0]) && globalId.length() > family[0].length()) {
                String language = globalId.substring(0, globalId.length() - family[0].length())
                        .replace('_', '-');
                if (!isLanguagePart(language)) {
                    return null;
                }
                String subdomain = SUBDOMAIN.getOrDefault(language, language);
                return new Site(
                        globalId,
                        LANGUAGE.getOrDefault(language, language),
                        family[2],
                        "https://" + subdomain + "." + family[1] + ".org/wiki/$1");
            }
        }
        return null;
    }

    private static boolean isLanguagePart(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
