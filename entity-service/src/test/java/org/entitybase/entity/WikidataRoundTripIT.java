package org.entitybase.entity;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;

/**
 * Every entity of {@code entities.ndjson.gz} as a dump through the import job API ({@code POST /import/jobs}, in
 * parts, properties first, ids kept; {@code POST /import} of one entity is EntityApiIT's) and back through {@code GET
 * /entities/{id}}: the same JSON, field order included, except {@code lastrevid}/{@code modified} (the revision's own)
 * and legacy hashes, which the write path recomputes (HASHES.md): the expected side has its hashes recomputed too.
 */
@QuarkusTest
class WikidataRoundTripIT {

    private static final WikibaseJsonReader READER = WikibaseJsonReader.lenient();
    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    @Test
    void everyFixtureEntitySurvivesABulkImportAndRead() {
        // properties first: their datatypes check the other entities' values
        List<FixtureEntity> fixtures = ImportJobsIT.sample();
        List<String> dump = ImportJobsIT.dumpLines(
                fixtures.stream().map(FixtureEntity::json).toList());
        List<ImportJobsIT.Part> parts = ImportJobsIT.parts(dump, 256 * 1024);
        assertThat(parts).hasSizeGreaterThan(2);

        JsonPath job = ImportJobsIT.run(parts, dump.size(), false);
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getLong("committed_line")).isEqualTo(dump.size());
        assertThat(job.getLong("entities_done")).isEqualTo(fixtures.size());
        assertThat(job.getLong("failed")).as(job.prettify()).isZero();
        assertThat(job.getDouble("per_second")).isPositive();
        assertThat(job.getList("errors")).isEmpty();

        int compared = 0;
        for (FixtureEntity fixture : fixtures) {
            Response read = reader().get(path("/entities/" + fixture.id()));
            assertThat(read.statusCode()).as(fixture.id()).isEqualTo(200);
            assertThat(comparable(read.asString())).as(fixture.id()).isEqualTo(expected(fixture));
            assertThat(read.jsonPath().getLong("lastrevid")).isPositive();
            compared++;
        }
        assertThat(compared).isEqualTo(WikidataFixtures.entities().size());
        System.out.printf("round trip: %d entities imported and read back equal%n", compared);
    }

    /** The fixture as a read should show it: legacy hashes recomputed, no revision of its own. */
    static String expected(FixtureEntity fixture) {
        return WRITER.toJson(withoutRevision(HashFiller.withHashes(READER.readEntity(fixture.json()))));
    }

    /** A read's JSON without its revision's {@code lastrevid}/{@code modified}, to compare with {@link #expected}. */
    static String comparable(String read) {
        return WRITER.toJson(withoutRevision(READER.readEntity(read)));
    }

    private static Entity withoutRevision(Entity entity) {
        PageMetadata page = entity.page();
        return entity.withPage(new PageMetadata(page.pageId(), page.namespace(), page.title(), null, null));
    }
}
