package org.entitybase.statement.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.value.EntityIdValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts recomputed by the test itself from entity-service's history (every revision of every entity read
 * again), independently of the service's extractor: statement addresses as entity-service's splitter gives them.
 */
public final class FromScratch {

    /** ref and head counts per address; backlinks as "target source property". */
    public record Counts(Map<String, long[]> statements, Set<String> backlinks, int revisions) {}

    private FromScratch() {}

    public static Counts compute(Collection<String> entityIds) {
        Map<String, long[]> counts = new TreeMap<>();
        Set<String> backlinks = new TreeSet<>();
        int revisions = 0;
        EntitySplitter splitter = new EntitySplitter();
        for (String id : entityIds) {
            JsonPath history = RestAssured.given()
                    .get(StatementStack.entityApi() + "/entities/" + id + "/history?limit=500")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Long> ids = new ArrayList<>();
            history.getList("revisions.revision_id", Number.class).forEach(n -> ids.add(n.longValue()));
            assertThat(history.getString("next")).isNull();
            long newest = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            for (long revision : ids) {
                revisions++;
                Response r = RestAssured.given()
                        .redirects()
                        .follow(false)
                        .get(StatementStack.entityApi() + "/entities/" + id + "/revision/" + revision);
                if (r.statusCode() == 308 || r.statusCode() == 410) {
                    continue; // redirect or deletion: no statements
                }
                assertThat(r.statusCode()).as("revision %d of %s", revision, id).isEqualTo(200);
                Entity entity = WikibaseJsonReader.lenient().readEntity(r.asByteArray());
                Set<String> addresses = new HashSet<>();
                for (ContentAddress a : splitter.split(entity).objects().keySet()) {
                    if (ContentKind.of(a) == ContentKind.STATEMENT) {
                        addresses.add(a.sha256());
                    }
                }
                for (String a : addresses) {
                    long[] c = counts.computeIfAbsent(a, k -> new long[2]);
                    c[0]++;
                    if (revision == newest) {
                        c[1]++;
                    }
                }
                if (revision == newest) {
                    links(entity, backlinks);
                }
            }
        }
        return new Counts(counts, backlinks, revisions);
    }

    private static void links(Entity entity, Set<String> out) {
        List<Map<String, List<Statement>>> groups = new ArrayList<>();
        groups.add(entity.claims());
        if (entity instanceof Lexeme lexeme) {
            lexeme.forms().forEach(f -> groups.add(f.claims()));
            lexeme.senses().forEach(s -> groups.add(s.claims()));
        }
        String source = entity.id().value();
        for (Map<String, List<Statement>> claims : groups) {
            for (List<Statement> list : claims.values()) {
                for (Statement s : list) {
                    List<Snak> snaks = new ArrayList<>();
                    snaks.add(s.mainsnak());
                    s.qualifiers().values().forEach(snaks::addAll);
                    s.references().forEach(r -> r.snaks().values().forEach(snaks::addAll));
                    for (Snak snak : snaks) {
                        if (snak instanceof ValueSnak v && v.value() instanceof EntityIdValue e) {
                            switch (e.id().type()) {
                                case ITEM, PROPERTY, LEXEME, FORM, SENSE ->
                                    out.add(e.id().value() + " " + source + " " + snak.property());
                                default -> {}
                            }
                        }
                    }
                }
            }
        }
    }
}
