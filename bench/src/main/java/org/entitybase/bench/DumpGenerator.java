package org.entitybase.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

/**
 * A Wikidata JSON dump of {@code COUNT} items for import benchmarks (issue 14): the real items of ../shared/data cloned
 * under new ids ({@code Q<FIRST>}, {@code Q<FIRST+1>}, …), drawn with a probability falling with their size (weight
 * size^-a, a chosen so the mean entity is {@code MEAN} bytes, about Wikidata's), so most items are small and the
 * largest (Q30, 648 KB) come rarely. The sample's properties come first under their own ids (the items' statements
 * need them). In every clone the item values (wikibase-entityid of an item) point to other generated ids, statement
 * GUIDs take the new id, and sitelink titles get the id appended (a (site, title) pair belongs to one item).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.entitybase.bench.DumpGenerator COUNT FILE.gz [FIRST] [MEAN] [SEED]</pre>
 *
 * Prints the entity count and the total JSON bytes (uncompressed) at the end.
 */
public final class DumpGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DumpGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DumpGenerator COUNT FILE.gz [FIRST_ID=1000000000] [MEAN_BYTES=12000] [SEED=14]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        long first = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000_000L;
        double mean = args.length > 3 ? Double.parseDouble(args[3]) : 12_000;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 14;

        List<ObjectNode> properties = new ArrayList<>();
        List<ObjectNode> items = new ArrayList<>();
        for (FixtureEntity fixture : WikidataFixtures.entities()) {
            ObjectNode entity = (ObjectNode) JSON.readTree(fixture.json());
            if ("property".equals(fixture.type())) {
                properties.add(entity);
            } else if ("item".equals(fixture.type())) {
                items.add(entity);
            }
        }
        int[] sizes = new int[items.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = JSON.writeValueAsBytes(items.get(i)).length;
        }
        double[] cumulative = weights(sizes, exponentFor(sizes, mean));

        SplittableRandom random = new SplittableRandom(seed);
        long bytes = 0;
        long written = 0;
        try (OutputStream out =
                new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            out.write("[\n".getBytes(StandardCharsets.US_ASCII));
            for (ObjectNode property : properties) {
                bytes += line(out, JSON.writeValueAsBytes(property), written++ == 0);
            }
            for (long n = 0; n < count; n++) {
                ObjectNode template = items.get(pick(cumulative, random.nextDouble()));
                ObjectNode clone = cloneAs(template, "Q" + (first + n), first, count);
                bytes += line(out, JSON.writeValueAsBytes(clone), written++ == 0);
                if ((n + 1) % 100_000 == 0) {
                    System.err.printf("%,d items, %,d bytes of JSON%n", n + 1, bytes);
                }
            }
            out.write("\n]\n".getBytes(StandardCharsets.US_ASCII));
        }
        System.out.printf(
                "%s: %,d entities (%d properties, %,d items), %,d bytes of JSON (mean %,d), %,d bytes gzip'd%n",
                file, written, properties.size(), count, bytes, bytes / Math.max(1, written), Files.size(file));
    }

    private static long line(OutputStream out, byte[] json, boolean first) throws IOException {
        if (!first) {
            out.write(",\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(json);
        return json.length;
    }

    /** The exponent a for which items drawn with weight size^-a have the mean size {@code mean} (bisection). */
    static double exponentFor(int[] sizes, double mean) {
        double low = 0;
        double high = 8;
        for (int i = 0; i < 60; i++) {
            double a = (low + high) / 2;
            double[] w = weights(sizes, a);
            double total = w[w.length - 1];
            double expected = 0;
            double previous = 0;
            for (int j = 0; j < sizes.length; j++) {
                expected += (w[j] - previous) / total * sizes[j];
                previous = w[j];
            }
            if (expected > mean) {
                low = a;
            } else {
                high = a;
            }
        }
        return (low + high) / 2;
    }

    /** Cumulative weights size^-a. */
    private static double[] weights(int[] sizes, double a) {
        double[] cumulative = new double[sizes.length];
        double sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            sum += Math.pow(sizes[i], -a);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double uniform) {
        double target = uniform * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** {@code template} as item {@code id}: its item values, statement GUIDs, sitelinks and page fields remapped. */
    static ObjectNode cloneAs(ObjectNode template, String id, long first, long count) {
        ObjectNode clone = template.deepCopy();
        clone.put("id", id);
        clone.remove("pageid");
        clone.remove("lastrevid");
        clone.put("title", id);
        remapValues(clone.path("claims"), id, first, count);
        JsonNode sitelinks = clone.path("sitelinks");
        for (Iterator<JsonNode> links = sitelinks.elements(); links.hasNext(); ) {
            ObjectNode link = (ObjectNode) links.next();
            link.put("title", link.path("title").asText() + " (" + id + ")");
            link.remove("url");
        }
        return clone;
    }

    /** Item values to generated ids (the same real id always to the same one), GUIDs under the new id. */
    private static void remapValues(JsonNode node, String id, long first, long count) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode guid = object.get("id");
            if (guid != null && guid.isTextual() && guid.asText().contains("$") && object.has("mainsnak")) {
                String text = guid.asText();
                object.put("id", id + text.substring(text.indexOf('$')));
            }
            if ("item".equals(object.path("entity-type").asText()) && object.has("numeric-id")) {
                long real = object.path("numeric-id").asLong();
                long generated = first + Math.floorMod(real * 0x9E3779B97F4A7C15L, count);
                object.put("numeric-id", generated);
                object.put("id", "Q" + generated);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                remapValues(fields.next().getValue(), id, first, count);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                remapValues(element, id, first, count);
            }
        }
    }
}
