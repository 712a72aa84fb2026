package org.entitybase.entity.restv1.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page URL of a sitelink, which v1 requires and stored JSON often lacks: derived from the site id as Wikimedia's
 * site matrix names its sites ({@code enwiki} → {@code https://en.wikipedia.org/wiki/…}, {@code dewikiquote} →
 * {@code de.wikiquote.org}, a few special wikis by name). We hold no site matrix (docs/DECISIONS.md), so an unknown
 * site id gets the Wikipedia form of its language part.
 */
final class SiteUrls {

    private static final Map<String, String> SPECIAL = Map.of(
            "commonswiki", "commons.wikimedia.org",
            "wikidatawiki", "www.wikidata.org",
            "specieswiki", "species.wikimedia.org",
            "metawiki", "meta.wikimedia.org",
            "mediawikiwiki", "www.mediawiki.org",
            "sourceswiki", "wikisource.org",
            "wikimaniawiki", "wikimania.wikimedia.org",
            "outreachwiki", "outreach.wikimedia.org",
            "incubatorwiki", "incubator.wikimedia.org");

    private static final String[] PROJECTS = {
        "wikiquote", "wikisource", "wikivoyage", "wikinews", "wikibooks", "wikiversity", "wiktionary"
    };

    private SiteUrls() {}

    static String url(String site, String title) {
        return "https://" + host(site) + "/wiki/" + page(title);
    }

    static String host(String site) {
        String special = SPECIAL.get(site);
        if (special != null) {
            return special;
        }
        for (String project : PROJECTS) {
            if (site.endsWith(project) && site.length() > project.length()) {
                return language(site.substring(0, site.length() - project.length())) + "." + project + ".org";
            }
        }
        String language = site.endsWith("wiki") ? site.substring(0, site.length() - 4) : site;
        return language(language) + ".wikipedia.org";
    }

    private static String language(String code) {
        return code.replace('_', '-');
    }

    /** MediaWiki's URL form of a title: spaces as underscores, percent-encoded but for {@code / : ( ) , ;}. */
    private static String page(String title) {
        return URLEncoder.encode(title.replace(' ', '_'), StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2F", "/")
                .replace("%3A", ":")
                .replace("%28", "(")
                .replace("%29", ")")
                .replace("%2C", ",")
                .replace("%3B", ";");
    }
}
