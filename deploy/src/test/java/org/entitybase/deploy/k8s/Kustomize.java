package org.entitybase.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset deploy/k8s uses: {@code resources}
 * (files and directories with their own kustomization), {@code namespace}, {@code replicas}, {@code images} and
 * {@code patches} (strategic merge, inline or from a file, with an optional {@code target} of kind and name). Any
 * other field of a kustomization is refused, so the subset cannot grow past what this renderer does without a
 * failing build. Strategic merge here: maps merge key by key; lists of maps that have a {@code name} (containers,
 * env, ports, volumes) merge by name; other lists are replaced; {@code $patch} directives are refused.
 */
final class Kustomize {

    private static final Set<String> KNOWN =
            Set.of("apiVersion", "kind", "resources", "namespace", "replicas", "images", "patches");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {}

    /** The objects {@code kubectl kustomize dir} would print, in resource order. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization =
                loadAll(dir.resolve("kustomization.yaml")).get(0);
        Set<String> unknown = new LinkedHashSet<>(kustomization.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(dir + ": kustomization fields this renderer does not do: " + unknown);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) resource).normalize();
            objects.addAll(Files.isDirectory(path) ? build(path) : loadAll(path));
        }
        checkUnique(dir, objects);
        for (Object entry : list(kustomization.get("patches"))) {
            patch(dir, objects, map(entry));
        }
        for (Object entry : list(kustomization.get("replicas"))) {
            Map<String, Object> replicas = map(entry);
            Map<String, Object> deployment = find(objects, "Deployment", (String) replicas.get("name"))
                    .orElseThrow(() -> new IllegalArgumentException(dir + ": replicas of unknown " + replicas));
            map(deployment.get("spec")).put("replicas", replicas.get("count"));
        }
        for (Object entry : list(kustomization.get("images"))) {
            setImage(objects, map(entry));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            objects.forEach(o -> map(o.get("metadata")).put("namespace", namespace));
        }
        return objects;
    }

    private static void patch(Path dir, List<Map<String, Object>> objects, Map<String, Object> entry) {
        Map<String, Object> patch = entry.containsKey("path")
                ? loadAll(dir.resolve((String) entry.get("path"))).get(0)
                : parse((String) entry.get("patch"));
        Map<String, Object> target = entry.containsKey("target")
                ? map(entry.get("target"))
                : Map.of(
                        "kind",
                        patch.get("kind"),
                        "name",
                        map(patch.get("metadata")).get("name"));
        int matched = 0;
        for (Map<String, Object> object : objects) {
            boolean kind = Objects.equals(target.get("kind"), object.get("kind"));
            boolean name = !target.containsKey("name")
                    || Objects.equals(
                            target.get("name"), map(object.get("metadata")).get("name"));
            if (kind && name) {
                Map<String, Object> body = new LinkedHashMap<>(patch);
                body.remove("apiVersion");
                body.remove("kind");
                body.remove("metadata");
                merge(
                        object,
                        body,
                        object.get("kind") + "/" + map(object.get("metadata")).get("name"));
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(dir + ": a patch matches no object: " + target);
        }
    }

    /** Strategic merge of {@code patch} into {@code base} (see the class comment for the subset). */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> base, Map<String, Object> patch, String where) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            if (e.getKey().startsWith("$")) {
                throw new IllegalArgumentException(where + ": patch directive " + e.getKey() + " not supported");
            }
            Object current = base.get(e.getKey());
            Object change = e.getValue();
            if (current instanceof Map && change instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) change, where + "." + e.getKey());
            } else if (current instanceof List<?> items
                    && change instanceof List<?> changes
                    && byName(items)
                    && byName(changes)) {
                List<Object> merged = new ArrayList<>(items);
                for (Object c : changes) {
                    Map<String, Object> changed = (Map<String, Object>) c;
                    merged.stream()
                            .map(m -> (Map<String, Object>) m)
                            .filter(m -> Objects.equals(m.get("name"), changed.get("name")))
                            .findFirst()
                            .ifPresentOrElse(
                                    m -> merge(m, changed, where + "." + e.getKey() + "[" + changed.get("name") + "]"),
                                    () -> merged.add(changed));
                }
                base.put(e.getKey(), merged);
            } else {
                base.put(e.getKey(), change);
            }
        }
    }

    private static boolean byName(List<?> items) {
        return !items.isEmpty() && items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    private static void setImage(List<Map<String, Object>> objects, Map<String, Object> image) {
        String name = (String) image.get("name");
        for (Map<String, Object> object : objects) {
            Map<String, Object> spec = map(object.get("spec"));
            Map<String, Object> template = spec == null ? null : map(spec.get("template"));
            if (template == null) {
                continue;
            }
            for (Object c : list(map(template.get("spec")).get("containers"))) {
                Map<String, Object> container = (Map<String, Object>) c;
                String current = (String) container.get("image");
                if (current.equals(name) || current.startsWith(name + ":")) {
                    String repository = (String) image.getOrDefault("newName", name);
                    String tag = (String) image.getOrDefault("newTag", current.substring(name.length() + 1));
                    container.put("image", repository + ":" + tag);
                }
            }
        }
    }

    static java.util.Optional<Map<String, Object>> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind"))
                        && name.equals(map(o.get("metadata")).get("name")))
                .findFirst();
    }

    private static void checkUnique(Path dir, List<Map<String, Object>> objects) {
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, Object> o : objects) {
            String id = o.get("kind") + "/" + map(o.get("metadata")).get("name");
            if (!seen.add(id)) {
                throw new IllegalArgumentException(dir + ": " + id + " twice");
            }
        }
    }

    static List<Map<String, Object>> loadAll(Path file) {
        try (MappingIterator<Map<String, Object>> docs =
                YAML.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(file.toFile())) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc != null && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> parse(String yaml) {
        try {
            return YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }
}
