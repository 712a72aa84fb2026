package org.entitybase.entity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.restassured.response.Response;

import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wikibase's own OpenAPI document of its REST API ({@code shared/data/api/openapi/wikibase-rest-api.openapi.json},
 * OpenAPI 3.1, schemas dereferenced) as a response checker: an answer must have a status the operation declares,
 * every header that response requires, and a JSON body valid against its schema (JSON Schema 2020-12, networknt's
 * validator) or no body where none is declared. It remembers which operations were checked.
 */
public final class WikibaseRestApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    private record Template(String path, Pattern pattern, int literals) {}

    public WikibaseRestApiDocument() {
        Path file = WikidataFixtures.dataDir().resolve("api/openapi/wikibase-rest-api.openapi.json");
        try {
            document = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.get("paths").fieldNames().forEachRemaining(path -> {
            String regex = Pattern.quote(path).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
            int literals = path.replaceAll("\\{[a-z_]+}", "").length();
            templates.add(new Template(path, Pattern.compile(regex), literals));
        });
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** Every {@code METHOD path} of the document. */
    public Set<String> operations() {
        Set<String> out = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(p -> p.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "put", "post", "patch", "delete").contains(method)) {
                        out.add(method.toUpperCase() + " " + p.getKey());
                    }
                }));
        return out;
    }

    /** The operations {@link #check} has seen. */
    public Set<String> checked() {
        return new TreeSet<>(checked);
    }

    /**
     * Fails unless {@code response} to {@code method path} (path as in the document: {@code /v1/...}, no query)
     * conforms to the document.
     */
    public void check(String method, String path, Response response) {
        Template template = templates.stream()
                .filter(t -> t.pattern().matcher(path).matches())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no path of the document matches " + path));
        JsonNode operation = document.get("paths").get(template.path()).get(method.toLowerCase());
        assertThat(operation)
                .as("%s %s is in the document", method, template.path())
                .isNotNull();
        String what = method + " " + path + " → " + response.statusCode() + " " + response.asString();
        JsonNode declared = operation.get("responses").get(String.valueOf(response.statusCode()));
        assertThat(declared).as("status declared: %s", what).isNotNull();
        declared.path("headers").properties().forEach(h -> {
            if (h.getValue().path("required").asBoolean(false)) {
                assertThat(response.header(h.getKey()))
                        .as("header %s of %s", h.getKey(), what)
                        .isNotNull();
            }
        });
        JsonNode content = declared.path("content").path("application/json");
        if (content.isMissingNode()) {
            assertThat(response.asString()).as("no body: %s", what).isEmpty();
        } else {
            assertThat(response.contentType()).as("content type of %s", what).startsWith("application/json");
            Schema schema = schemas.computeIfAbsent(content.get("schema"), SCHEMAS::getSchema);
            JsonNode body;
            try {
                body = JSON.readTree(response.asByteArray());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + what, e);
            }
            List<Error> errors = schema.validate(body);
            assertThat(errors).as("schema of %s", what).isEmpty();
        }
        checked.add(method + " " + template.path());
    }
}
