package org.entitybase.model.json;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * The lexical rules of Wikibase JSON values, as hand-written character checks (this runs for every id, term and value
 * of every entity read, so no regular expressions). Services reuse them for path and query parameters.
 */
public final class WikibaseSyntax {
    /** Longest number part of an id: {@link EntityId} allows a non-zero digit and 17 more. */
    private static final int MAX_ID_DIGITS = 18;
    /** DataValues' DecimalValue refuses longer strings. */
    private static final int MAX_DECIMAL_LENGTH = 127;

    private WikibaseSyntax() {}

    /**
     * The same result as {@link EntityId#tryParse}, without its regular expressions: {@code Q42}, {@code P31},
     * {@code L42}, {@code M1}, {@code E79}, {@code L42-F1}, {@code L42-S1}; null when not an id.
     */
    public static EntityId parseEntityId(String s) {
        if (s == null || s.length() < 2) {
            return null;
        }
        EntityType type = switch (s.charAt(0)) {
            case 'Q' -> EntityType.ITEM;
            case 'P' -> EntityType.PROPERTY;
            case 'L' -> EntityType.LEXEME;
            case 'M' -> EntityType.MEDIAINFO;
            case 'E' -> EntityType.ENTITY_SCHEMA;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        int end = numberEnd(s, 1);
        if (end < 0) {
            return null;
        }
        if (end == s.length()) {
            return new EntityId(type, s);
        }
        if (type != EntityType.LEXEME || end + 1 >= s.length() || s.charAt(end) != '-') {
            return null;
        }
        char sub = s.charAt(end + 1);
        if ((sub != 'F' && sub != 'S') || numberEnd(s, end + 2) != s.length()) {
            return null;
        }
        return new EntityId(sub == 'F' ? EntityType.FORM : EntityType.SENSE, s);
    }

    /** End of a {@code [1-9][0-9]{0,17}} run starting at {@code from}, or -1 if there is none. */
    private static int numberEnd(String s, int from) {
        if (from >= s.length() || s.charAt(from) < '1' || s.charAt(from) > '9') {
            return -1;
        }
        int i = from + 1;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i - from <= MAX_ID_DIGITS ? i : -1;
    }

    /** {@code P[1-9][0-9]*}, as in snak {@code property} fields and the keys of {@code claims}. */
    public static boolean isPropertyId(String s) {
        return s != null && s.length() >= 2 && s.charAt(0) == 'P' && numberEnd(s, 1) == s.length();
    }

    /** {@code Q[1-9][0-9]*}. */
    public static boolean isItemId(String s) {
        return s != null && s.length() >= 2 && s.charAt(0) == 'Q' && numberEnd(s, 1) == s.length();
    }

    /**
     * A MediaWiki language code as Wikibase uses for terms and monolingual text: lowercase subtags joined by
     * {@code -}, the first 2–12 letters, the others 1–12 letters or digits. Real codes include {@code mul},
     * {@code be-tarask}, {@code zh-min-nan}, {@code nan-latn-pehoeji}, {@code simple}, {@code tokipona}.
     */
    public static boolean isLanguageCode(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int subtagStart = 0;
        boolean first = true;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '-') {
                int length = i - subtagStart;
                if (length < (first ? 2 : 1) || length > 12) {
                    return false;
                }
                first = false;
                subtagStart = i + 1;
                continue;
            }
            char c = s.charAt(i);
            if (!isLower(c) && (first || !isDigit(c))) {
                return false;
            }
        }
        return true;
    }

    /** A site global id such as {@code enwiki}, {@code be_x_oldwiki}, {@code commonswiki}: {@code [a-z][a-z0-9_]*}. */
    public static boolean isSiteId(String s) {
        if (s == null || s.isEmpty() || s.length() > 64 || !isLower(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isLower(c) && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** A snak or reference hash: 40 lowercase hex digits. */
    public static boolean isHash(String s) {
        if (s == null || s.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(i);
            if (!isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The entity a statement GUID names, or null if {@code guid} is not one. A GUID is {@code <entity id>$<uuid>}; as
     * in Wikibase's GuidValidator the uuid is {@code 8-4-4-4-12} letters or digits in any case, and the id prefix is
     * case-insensitive (old statements have {@code q42$…}).
     */
    public static EntityId statementGuidSubject(String guid) {
        if (guid == null) {
            return null;
        }
        int dollar = guid.indexOf('$');
        if (dollar < 2 || guid.length() - dollar - 1 != 36) {
            return null;
        }
        for (int i = dollar + 1; i < guid.length(); i++) {
            int offset = i - dollar - 1;
            char c = guid.charAt(i);
            boolean dash = offset == 8 || offset == 13 || offset == 18 || offset == 23;
            if (dash ? c != '-' : !(isDigit(c) || isLower(c) || (c >= 'A' && c <= 'Z'))) {
                return null;
            }
        }
        return parseEntityId(upperAscii(guid.substring(0, dollar)));
    }

    private static String upperAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isLower(s.charAt(i))) {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (isLower(chars[j])) {
                        chars[j] -= 'a' - 'A';
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /**
     * What is wrong with a Wikibase timestamp ({@code +2023-05-10T00:00:00Z}: sign, 1–16 year digits, and month, day,
     * hour, minute, second within DataValues' TimeValue bounds), or null if it is fine.
     */
    public static String timeProblem(String s) {
        int n = s.length();
        int yearDigits = n - 17;
        if (n < 18 || (s.charAt(0) != '+' && s.charAt(0) != '-') || yearDigits > 16) {
            return "must look like +2023-05-10T00:00:00Z (sign, 1 to 16 year digits)";
        }
        for (int i = 1; i <= yearDigits; i++) {
            if (!isDigit(s.charAt(i))) {
                return "must look like +2023-05-10T00:00:00Z (sign, 1 to 16 year digits)";
            }
        }
        String rest = s.substring(yearDigits + 1); // -MM-DDThh:mm:ssZ
        String shape = "-dd-ddTdd:dd:ddZ";
        for (int i = 0; i < shape.length(); i++) {
            char want = shape.charAt(i);
            char c = rest.charAt(i);
            if (want == 'd' ? !isDigit(c) : c != want) {
                return "must look like +2023-05-10T00:00:00Z (sign, 1 to 16 year digits)";
            }
        }
        if (twoDigits(rest, 1) > 12) {
            return "has month " + rest.substring(1, 3) + " (00 to 12 allowed)";
        }
        if (twoDigits(rest, 4) > 31) {
            return "has day " + rest.substring(4, 6) + " (00 to 31 allowed)";
        }
        if (twoDigits(rest, 7) > 23) {
            return "has hour " + rest.substring(7, 9) + " (00 to 23 allowed)";
        }
        if (twoDigits(rest, 10) > 59) {
            return "has minute " + rest.substring(10, 12) + " (00 to 59 allowed)";
        }
        if (twoDigits(rest, 13) > 61) {
            return "has second " + rest.substring(13, 15) + " (00 to 61 allowed)";
        }
        return null;
    }

    private static int twoDigits(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    /** A DataValues decimal: {@code [+-]\d+(\.\d+)?}, at most 127 characters. */
    public static boolean isDecimal(String s) {
        int n = s.length();
        if (n < 2 || n > MAX_DECIMAL_LENGTH || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
            return false;
        }
        int i = 1;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 1) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i == n - 1) {
            return false;
        }
        for (i++; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A MediaWiki timestamp as in {@code modified}: {@code 2025-01-01T00:00:00Z}. */
    public static boolean isTimestamp(String s) {
        String shape = "dddd-dd-ddTdd:dd:ddZ";
        if (s.length() != shape.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char want = shape.charAt(i);
            if (want == 'd' ? !isDigit(s.charAt(i)) : s.charAt(i) != want) {
                return false;
            }
        }
        return true;
    }

    /** An absolute http(s) URI without whitespace, as calendar models, globes and units are. */
    public static boolean isHttpUri(String s) {
        int start = s.startsWith("http://") ? 7 : s.startsWith("https://") ? 8 : -1;
        if (start < 0 || s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
