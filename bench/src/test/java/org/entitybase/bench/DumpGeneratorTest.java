package org.entitybase.bench;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DumpGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCloneHasItsOwnIdGuidsSitelinksAndGeneratedItemValues() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree("""
                {"type":"item","id":"Q42","pageid":138,"title":"Q42","lastrevid":7,"modified":"2025-01-01T00:00:00Z",
                 "labels":{},"sitelinks":{"enwiki":{"site":"enwiki","title":"Douglas Adams","badges":[],
                 "url":"https://en.wikipedia.org/wiki/Douglas_Adams"}},
                 "claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":
                 {"entity-type":"item","numeric-id":5,"id":"Q5"},"type":"wikibase-entityid"}},
                 "type":"statement","id":"Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9","rank":"normal"}]}}""");

        ObjectNode clone = DumpGenerator.cloneAs(template, "Q1000000007", 1_000_000_000L, 1000);

        assertThat(clone.path("id").asText()).isEqualTo("Q1000000007");
        assertThat(clone.path("title").asText()).isEqualTo("Q1000000007");
        assertThat(clone.has("pageid")).isFalse();
        assertThat(clone.has("lastrevid")).isFalse();
        assertThat(clone.path("modified").asText()).isEqualTo("2025-01-01T00:00:00Z");
        JsonNode link = clone.path("sitelinks").path("enwiki");
        assertThat(link.path("title").asText()).isEqualTo("Douglas Adams (Q1000000007)");
        assertThat(link.has("url")).isFalse();
        JsonNode statement = clone.path("claims").path("P31").get(0);
        assertThat(statement.path("id").asText()).isEqualTo("Q1000000007$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9");
        JsonNode value = statement.path("mainsnak").path("datavalue").path("value");
        long generated = value.path("numeric-id").asLong();
        assertThat(generated).isBetween(1_000_000_000L, 1_000_000_999L);
        assertThat(value.path("id").asText()).isEqualTo("Q" + generated);
        // the template is untouched
        assertThat(template.path("id").asText()).isEqualTo("Q42");
    }

    @Test
    void theExponentGivesTheAskedMeanSize() {
        int[] sizes = {1_000, 2_000, 10_000, 100_000, 600_000};
        double a = DumpGenerator.exponentFor(sizes, 12_000);
        double total = 0;
        double weighted = 0;
        for (int size : sizes) {
            double w = Math.pow(size, -a);
            total += w;
            weighted += w * size;
        }
        assertThat(weighted / total).isBetween(11_900.0, 12_100.0);
        assertThat(a).isPositive();
    }
}
