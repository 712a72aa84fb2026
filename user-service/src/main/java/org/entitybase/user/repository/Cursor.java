package org.entitybase.user.repository;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Position in a newest-first list of revisions (activity, thanks): the last row's time, entity and revision. Written
 * as {@code <epoch microseconds>.<entity id>.<revision id>}, opaque to clients.
 */
public record Cursor(Instant at, String entityId, long revisionId) {

    /** Before everything: a time after any row's, so the first page starts at the newest. */
    static final Cursor START = new Cursor(Instant.parse("9999-12-31T23:59:59Z"), "", 0);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,17})\\.([A-Z0-9-]{1,32})\\.(\\d{1,18})");

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return micros + "." + entityId + "." + revisionId;
    }

    /** The cursor, or null when {@code value} is not one. */
    public static Cursor decode(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            return null;
        }
        long micros = Long.parseLong(m.group(1));
        return new Cursor(
                Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L),
                m.group(2),
                Long.parseLong(m.group(3)));
    }
}
