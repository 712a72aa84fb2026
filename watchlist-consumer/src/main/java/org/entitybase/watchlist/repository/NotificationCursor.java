package org.entitybase.watchlist.repository;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Position in a user's newest-first notifications: the last row's time and id, written {@code <epoch µs>.<id>},
 * opaque to clients.
 */
public record NotificationCursor(Instant at, long id) {

    /** Before everything: the first page starts at the newest row. */
    static final NotificationCursor START =
            new NotificationCursor(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,17})\\.(\\d{1,19})");

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return micros + "." + id;
    }

    /** The cursor, or null when {@code value} is not one. */
    public static NotificationCursor decode(String value) {
        Matcher m = value == null ? null : FORMAT.matcher(value);
        if (m == null || !m.matches()) {
            return null;
        }
        long micros = Long.parseLong(m.group(1));
        long id;
        try {
            id = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return null;
        }
        return new NotificationCursor(Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L), id);
    }
}
