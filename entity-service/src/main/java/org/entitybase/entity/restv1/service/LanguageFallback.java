package org.entitybase.entity.restv1.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The languages {@code labels_with_language_fallback} tries, in order: the language itself, its parents by subtag
 * ({@code de-ch} → {@code de}, {@code zh-hant-tw} → {@code zh-hant} → {@code zh}), then {@code mul} and {@code en},
 * which end every MediaWiki fallback chain. MediaWiki's per-language chains (its Messages*.php) are not held here
 * (docs/DECISIONS.md): this is their common shape.
 */
public final class LanguageFallback {

    private LanguageFallback() {}

    public static List<String> chain(String language) {
        List<String> out = new ArrayList<>();
        String current = language;
        while (true) {
            out.add(current);
            int dash = current.lastIndexOf('-');
            if (dash <= 0) {
                break;
            }
            current = current.substring(0, dash);
        }
        for (String last : List.of("mul", "en")) {
            if (!out.contains(last)) {
                out.add(last);
            }
        }
        return out;
    }
}
