package org.entitybase.model.sitelink;

import java.util.List;

import org.entitybase.model.Immutables;

/** A link to a page on a client wiki. {@code url} appears only in some API outputs; kept when given. */
public record Sitelink(String site, String title, List<String> badges, String url) {
    public Sitelink {
        badges = Immutables.list(badges);
    }
}
