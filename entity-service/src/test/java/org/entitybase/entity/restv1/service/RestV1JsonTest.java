package org.entitybase.entity.restv1.service;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.statement.Statement;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class RestV1JsonTest {

    private static Entity fixture(String id) {
        return WikibaseJsonReader.lenient()
                .readEntity(WikidataFixtures.entities().stream()
                        .filter(e -> e.id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .json());
    }

    @Test
    void q42InV1Form() {
        ObjectNode q42 = RestV1Json.entity(fixture("Q42"));
        assertThat(q42.path("id").asText()).isEqualTo("Q42");
        assertThat(q42.path("type").asText()).isEqualTo("item");
        assertThat(q42.path("labels").path("mul").asText()).isEqualTo("Douglas Adams");
        assertThat(q42.path("aliases").path("ar").get(0).isTextual()).isTrue();
        JsonNode p31 = q42.path("statements").path("P31").get(0);
        assertThat(p31.path("property").path("id").asText()).isEqualTo("P31");
        assertThat(p31.path("property").path("data_type").asText()).isEqualTo("wikibase-item");
        assertThat(p31.path("value").path("content").asText()).isEqualTo("Q5");
        assertThat(q42.path("sitelinks").path("enwiki").path("url").asText())
                .isEqualTo("https://en.wikipedia.org/wiki/Douglas_Adams");
    }

    @Test
    void aStatementGoesBackToTheSameModel() {
        Entity q42 = fixture("Q42");
        Statement p31 = q42.claims().get("P31").get(0);
        JsonNode v1 = RestV1Json.statement(p31);
        Map<String, String> datatypes = new HashMap<>();
        v1.findParents("data_type")
                .forEach(p ->
                        datatypes.put(p.get("id").asText(), p.get("data_type").asText()));
        Statement back = RestV1Json.readStatement(v1, EntityId.parse("Q42"), datatypes);
        assertThat(back.id()).isEqualTo(p31.id());
        // the write path computes reference hashes (HASHES.md): a statement read from v1 has none yet
        ObjectNode again = RestV1Json.statement(back);
        again.withArray("references").forEach(r -> ((ObjectNode) r).remove("hash"));
        ((ObjectNode) v1).withArray("references").forEach(r -> ((ObjectNode) r).remove("hash"));
        assertThat(again).isEqualTo(v1);
    }

    @Test
    void unchangedStatementsAreKeptAsStored() {
        Entity q42 = fixture("Q42");
        Entity same = RestV1Json.withStatements(q42, RestV1Json.statements(q42), Map.of());
        assertThat(same.claims()).isEqualTo(q42.claims());
    }

    @Test
    void fallbackChainsEndInMulAndEnglish() {
        assertThat(LanguageFallback.chain("de-ch")).containsExactly("de-ch", "de", "mul", "en");
        assertThat(LanguageFallback.chain("en")).containsExactly("en", "mul");
    }

    @Test
    void siteUrlsFollowTheSiteMatrix() {
        assertThat(SiteUrls.url("dewikiquote", "Douglas Adams"))
                .isEqualTo("https://de.wikiquote.org/wiki/Douglas_Adams");
        assertThat(SiteUrls.url("commonswiki", "Category:Douglas Adams"))
                .isEqualTo("https://commons.wikimedia.org/wiki/Category:Douglas_Adams");
        assertThat(SiteUrls.url("zh_min_nanwiki", "A")).isEqualTo("https://zh-min-nan.wikipedia.org/wiki/A");
    }
}
