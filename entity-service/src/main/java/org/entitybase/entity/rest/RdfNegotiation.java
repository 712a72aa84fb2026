package org.entitybase.entity.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content negotiation like Wikidata's Special:EntityData: an {@code Accept} that prefers an RDF format over JSON is
 * answered with a 303 to the {@code .ttl}, {@code .nt} or {@code .rdf} URL (served by rdf-service).
 */
final class RdfNegotiation {

    private record Offer(String mediaType, String extension) {}

    private record Range(String type, String subtype, double quality) {}

    /** JSON first: it wins ties. */
    private static final List<Offer> OFFERS = List.of(
            new Offer("application/json", null),
            new Offer("text/turtle", "ttl"),
            new Offer("application/n-triples", "nt"),
            new Offer("application/rdf+xml", "rdf"));

    private RdfNegotiation() {}

    /** The RDF extension the client prefers, or null for JSON (also when {@code Accept} is absent or odd). */
    static String rdfExtension(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        List<Range> ranges = parse(accept);
        Offer best = OFFERS.get(0);
        double bestQuality = quality(best.mediaType(), ranges);
        for (Offer offer : OFFERS.subList(1, OFFERS.size())) {
            double q = quality(offer.mediaType(), ranges);
            if (q > bestQuality) {
                best = offer;
                bestQuality = q;
            }
        }
        return bestQuality > 0 ? best.extension() : null;
    }

    /** The quality the most specific matching range gives {@code mediaType} (0 when none matches). */
    private static double quality(String mediaType, List<Range> ranges) {
        String[] parts = mediaType.split("/");
        int specificity = -1;
        double quality = 0;
        for (Range r : ranges) {
            int s;
            if (r.type().equals(parts[0]) && r.subtype().equals(parts[1])) {
                s = 2;
            } else if (r.type().equals(parts[0]) && r.subtype().equals("*")) {
                s = 1;
            } else if (r.type().equals("*") && r.subtype().equals("*")) {
                s = 0;
            } else {
                continue;
            }
            if (s > specificity) {
                specificity = s;
                quality = r.quality();
            }
        }
        return quality;
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String element : accept.split(",")) {
            String[] params = element.split(";");
            String[] type = params[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (type.length != 2) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(type[0].trim(), type[1].trim(), q));
        }
        return ranges;
    }
}
