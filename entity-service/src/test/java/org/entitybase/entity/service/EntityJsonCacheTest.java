package org.entitybase.entity.service;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.entitybase.entity.service.EntityJsonCache.Serialized;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class EntityJsonCacheTest {

    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    @Test
    void splicedRevisionFieldsEqualWhatTheWriterWrites() {
        for (var fixture : WikidataFixtures.entities()) {
            Entity entity = WikibaseJsonReader.lenient().readEntity(fixture.json());
            PageMetadata page = entity.page();
            Entity stored =
                    entity.withPage(new PageMetadata(page.pageId(), page.namespace(), page.title(), null, null));
            byte[] json = WRITER.toBytes(stored);

            byte[] spliced = EntityJsonCache.splice(
                    new Serialized(json, EntityJsonCache.typeOffset(json)), 1234, "2025-12-29T00:39:43Z");

            byte[] expected = WRITER.toBytes(stored.withPage(stored.page().withRevision(1234, "2025-12-29T00:39:43Z")));
            assertThat(new String(spliced, StandardCharsets.UTF_8))
                    .as(fixture.id())
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTitleThatLooksLikeTheTypeMemberIsSkipped() {
        Entity entity = WikibaseJsonReader.lenient()
                .readEntity("{\"title\":\"x\\\",\\\"type\\\":\\\"item\",\"ns\":0,\"type\":\"item\",\"id\":\"Q1\"}");
        byte[] json = WRITER.toBytes(entity);
        byte[] spliced = EntityJsonCache.splice(
                new Serialized(json, EntityJsonCache.typeOffset(json)), 7, "2020-01-01T00:00:00Z");
        assertThat(WikibaseJsonReader.lenient().readEntity(spliced).page())
                .isEqualTo(new PageMetadata(null, 0, "x\",\"type\":\"item", 7L, "2020-01-01T00:00:00Z"));
    }
}
