package org.entitybase.rdf.mapping;

import java.util.Map;

/**
 * MediaWiki's {@code LanguageCode::bcp47}: the BCP 47 form of a MediaWiki language code. Wikibase applies it to the
 * content language of sitelinked sites ({@code schema:inLanguage}); term and monolingual text languages are written
 * as they are.
 */
final class LanguageCodes {

    /** MediaWiki's non-standard and deprecated codes and their BCP 47 equivalents. */
    private static final Map<String, String> NON_STANDARD = Map.ofEntries(
            Map.entry("als", "gsw"),
            Map.entry("bat-smg", "sgs"),
            Map.entry("be-x-old", "be-tarask"),
            Map.entry("bh", "bho"),
            Map.entry("no", "nb"),
            Map.entry("fiu-vro", "vro"),
            Map.entry("roa-rup", "rup"),
            Map.entry("zh-classical", "lzh"),
            Map.entry("zh-min-nan", "nan"),
            Map.entry("zh-yue", "yue"),
            Map.entry("cbk-zam", "cbk"),
            Map.entry("de-formal", "de-x-formal"),
            Map.entry("eml", "egl"),
            Map.entry("en-rtl", "en-x-rtl"),
            Map.entry("es-formal", "es-x-formal"),
            Map.entry("hu-formal", "hu-x-formal"),
            Map.entry("map-bms", "jv-x-bms"),
            Map.entry("mo", "ro-Cyrl-MD"),
            Map.entry("nrm", "nrf"),
            Map.entry("nl-informal", "nl-x-informal"),
            Map.entry("roa-tara", "nap-x-tara"),
            Map.entry("simple", "en-simple"),
            Map.entry("sr-ec", "sr-Cyrl"),
            Map.entry("sr-el", "sr-Latn"),
            Map.entry("zh-cn", "zh-Hans-CN"),
            Map.entry("zh-sg", "zh-Hans-SG"),
            Map.entry("zh-my", "zh-Hans-MY"),
            Map.entry("zh-tw", "zh-Hant-TW"),
            Map.entry("zh-hk", "zh-Hant-HK"),
            Map.entry("zh-mo", "zh-Hant-MO"));

    private LanguageCodes() {}

    /**
     * Maps non-standard codes, then cases the subtags: two letters after the first subtag upper case (region), four
     * letters title case (script), everything else (and anything after {@code x}) lower case.
     */
    static String bcp47(String code) {
        String mapped = NON_STANDARD.get(code.toLowerCase(java.util.Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        String[] segments = code.split("-", -1);
        StringBuilder sb = new StringBuilder(code.length());
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                sb.append('-');
            }
            boolean afterPrivateUse = i > 0 && segments[i - 1].equalsIgnoreCase("x");
            if (!afterPrivateUse && i > 0 && segment.length() == 2) {
                sb.append(segment.toUpperCase(java.util.Locale.ROOT));
            } else if (!afterPrivateUse && i > 0 && segment.length() == 4) {
                sb.append(Character.toUpperCase(segment.charAt(0)))
                        .append(segment.substring(1).toLowerCase(java.util.Locale.ROOT));
            } else {
                sb.append(segment.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }
}
