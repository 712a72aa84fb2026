package org.entitybase.entity.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How revision times are written: Wikibase's {@code modified} and the event {@code timestamp}. */
public final class RevisionTimestamps {

    private RevisionTimestamps() {}

    /** ISO-8601 UTC to the second, as Wikibase writes {@code modified}: {@code 2025-12-29T00:39:43Z}. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Now, to the microsecond (what {@code DATETIME(6)} keeps, so a written time reads back equal). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
