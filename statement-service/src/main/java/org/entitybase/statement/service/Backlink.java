package org.entitybase.statement.service;

/** {@code source} links to {@code target} through a statement value on {@code property} (main snak, qualifier or
 * reference). */
public record Backlink(String target, String source, String property) implements Comparable<Backlink> {

    @Override
    public int compareTo(Backlink o) {
        int c = target.compareTo(o.target);
        if (c != 0) {
            return c;
        }
        c = source.compareTo(o.source);
        return c != 0 ? c : property.compareTo(o.property);
    }
}
