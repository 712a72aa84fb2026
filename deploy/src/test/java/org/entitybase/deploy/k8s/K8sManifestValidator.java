package org.entitybase.deploy.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/**
 * Reads a rendered object into the Kubernetes API model (fabric8's kubernetes-model, generated from the API's OpenAPI
 * schema) and lists what the API server would not take: an unknown kind, a value of the wrong type, or a field the
 * schema does not have. fabric8's classes keep unknown fields in {@code additionalProperties} rather than failing, so
 * FAIL_ON_UNKNOWN_PROPERTIES alone catches nothing: after reading, every model object of the tree is walked and a
 * non-empty {@code additionalProperties} is reported with its path.
 */
final class K8sManifestValidator {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private K8sManifestValidator() {}

    /** Problems of one object, each "Kind/name: path: what"; empty when the API schema accepts it. */
    static List<String> problems(Map<String, Object> object) {
        String id =
                object.get("kind") + "/" + Kustomize.map(object.get("metadata")).get("name");
        KubernetesResource model;
        try {
            model = JSON.convertValue(object, KubernetesResource.class);
        } catch (IllegalArgumentException e) {
            return List.of(id + ": not readable as its kind: " + e.getMessage());
        }
        if (model instanceof GenericKubernetesResource) {
            return List.of(id + ": no such kind in apiVersion " + object.get("apiVersion"));
        }
        List<String> out = new ArrayList<>();
        walk(model, id + ":", out);
        return out;
    }

    private static void walk(Object node, String path, List<String> out) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "[" + i + "]", out);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> walk(v, path + "[" + k + "]", out));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")
                    || getter.getReturnType().isPrimitive()) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + " unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            walk(value, path + "." + field, out);
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + ": " + e.getMessage(), e);
        }
    }
}
