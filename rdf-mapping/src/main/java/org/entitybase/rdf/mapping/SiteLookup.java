package org.entitybase.rdf.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sites sitelinks point to. Sitelinks to an unknown site are left out of the RDF, as Wikibase does. */
@FunctionalInterface
public interface SiteLookup {

    SiteLookup NONE = globalId -> null;

    /** The site with this global id, or null when it is unknown. */
    Site site(String globalId);

    static SiteLookup of(Site... sites) {
        Map<String, Site> byId = new LinkedHashMap<>();
        for (Site site : sites) {
            byId.put(site.globalId(), site);
        }
        return byId::get;
    }
}
