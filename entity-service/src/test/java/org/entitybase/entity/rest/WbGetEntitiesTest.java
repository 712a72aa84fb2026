package org.entitybase.entity.rest;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.entity.rest.WbGetEntities.Filter;

import static org.assertj.core.api.Assertions.assertThat;

/** wbgetentities' {@code props} and {@code languages} filters on an entity's JSON. */
class WbGetEntitiesTest {

    private static final String ITEM = """
            {"pageid":1,"ns":0,"title":"Q1","lastrevid":7,"modified":"2024-01-01T00:00:00Z","type":"item","id":"Q1",
             "labels":{"en":{"language":"en","value":"a"},"de":{"language":"de","value":"b"},
                       "fr":{"language":"fr","value":"c"}},
             "descriptions":{"en":{"language":"en","value":"d"}},
             "aliases":{"fr":[{"language":"fr","value":"e"}]},
             "claims":{},"sitelinks":{"enwiki":{"site":"enwiki","title":"A","badges":[]}}}""";

    private static ObjectNode filtered(Set<String> props, Set<String> languages) throws Exception {
        ObjectNode item = (ObjectNode) new ObjectMapper().readTree(ITEM);
        WbGetEntities.filter(item, new Filter(props, languages));
        return item;
    }

    @Test
    void propsKeepOnlyTheNamedPartsBesidesTypeAndId() throws Exception {
        ObjectNode labels = filtered(Set.of("labels"), null);
        assertThat(labels.fieldNames()).toIterable().containsExactly("type", "id", "labels");
        ObjectNode info = filtered(Set.of("info", "sitelinks"), null);
        assertThat(info.fieldNames())
                .toIterable()
                .containsExactly("pageid", "ns", "title", "lastrevid", "modified", "type", "id", "sitelinks");
    }

    @Test
    void languagesFilterEveryTermKind() throws Exception {
        ObjectNode item = filtered(Set.of("labels", "descriptions", "aliases"), Set.of("en", "de"));
        assertThat(item.get("labels").fieldNames()).toIterable().containsExactly("en", "de");
        assertThat(item.get("descriptions").fieldNames()).toIterable().containsExactly("en");
        assertThat(item.get("aliases").isEmpty()).isTrue();
    }
}
