package org.entitybase.rdf.mapping;

import java.nio.charset.StandardCharsets;

/**
 * The three URL encodings the Wikibase RDF mapping uses, byte for byte as PHP/MediaWiki do them: {@code rawurlencode}
 * (Commons file names), MediaWiki's {@code wfUrlencode} (sitelink titles, geo-shape and tabular-data pages, external
 * ids in URI patterns) and the IRI escaping of the RDF writer (characters an IRI may not hold).
 */
final class UrlEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoding() {}

    /** PHP {@code rawurlencode}: everything but {@code A-Za-z0-9-_.~} is percent-encoded (UTF-8). */
    static String rawUrlEncode(String s) {
        return encode(s, false, false);
    }

    /**
     * MediaWiki {@code wfUrlencode}: PHP {@code urlencode} (space becomes {@code +}, {@code ~} is encoded), then
     * {@code ;@$!*(),/~:} are decoded again.
     */
    static String wfUrlEncode(String s) {
        return encode(s, true, true);
    }

    /**
     * Percent-encodes what may not appear inside {@code <…>} in Turtle or N-Triples (controls, space, {@code <>"{}|^`}
     * and backslash), as Wikibase's RDF writer does for URL values. Everything else, non-ASCII included, stays.
     */
    static String escapeIri(String iri) {
        int i = 0;
        while (i < iri.length() && !iriNeedsEscape(iri.charAt(i))) {
            i++;
        }
        if (i == iri.length()) {
            return iri;
        }
        StringBuilder sb = new StringBuilder(iri.length() + 16).append(iri, 0, i);
        for (; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (iriNeedsEscape(c)) {
                percent(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean iriNeedsEscape(char c) {
        return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`'
                || c == '\\';
    }

    private static String encode(String s, boolean plusForSpace, boolean mediaWikiSafe) {
        int i = 0;
        while (i < s.length() && keep(s.charAt(i), plusForSpace, mediaWikiSafe)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() * 3 / 2 + 8).append(s, 0, i);
        byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : rest) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && keep(c, plusForSpace, mediaWikiSafe)) {
                sb.append(c);
            } else if (c == ' ' && plusForSpace) {
                sb.append('+');
            } else {
                percent(sb, c);
            }
        }
        return sb.toString();
    }

    private static boolean keep(char c, boolean urlencode, boolean mediaWikiSafe) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        if (c == '-' || c == '_' || c == '.') {
            return true;
        }
        if (c == '~') {
            // rawurlencode keeps it; urlencode encodes it, but wfUrlencode decodes it again
            return !urlencode || mediaWikiSafe;
        }
        if (mediaWikiSafe) {
            return c == ';' || c == '@' || c == '$' || c == '!' || c == '*' || c == '(' || c == ')' || c == ','
                    || c == '/' || c == ':';
        }
        return false;
    }

    private static void percent(StringBuilder sb, char b) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
