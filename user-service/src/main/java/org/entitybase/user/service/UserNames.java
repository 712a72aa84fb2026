package org.entitybase.user.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import org.entitybase.runtime.rest.ApiException;

/** What a user name may be, and the key that makes names unique whatever their case. */
public final class UserNames {

    public static final int MAX_LENGTH = 255;

    private UserNames() {}

    /** The name as given, checked (400 otherwise): 1-255 characters, no control characters, no outer spaces. */
    public static String check(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(name, "a user name is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw invalid(name, "a user name has at most " + MAX_LENGTH + " characters");
        }
        if (!name.strip().equals(name)) {
            throw invalid(name, "a user name neither starts nor ends with white space");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw invalid(name, "a user name has no control characters");
        }
        return name;
    }

    /**
     * The case-insensitive key: NFKC, then upper- and lower-cased (so "ß" and "SS", "Σ" and "ς" meet), Locale.ROOT.
     */
    public static String key(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static ApiException invalid(String name, String message) {
        return new ApiException(400, "invalid-user-name", message, Map.of("name", String.valueOf(name)));
    }
}
