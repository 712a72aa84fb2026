package org.entitybase.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.deploy.k8s.Kustomize.list;
import static org.entitybase.deploy.k8s.Kustomize.map;

/**
 * Both overlays rendered (Kustomize, the subset deploy/k8s uses) and every object read against the Kubernetes API
 * model with unknown fields rejected (K8sManifestValidator); then what the API cannot know: probes, grace periods,
 * memory from memory-budget.properties, no Secret shipped, every infrastructure setting present, prod's autoscaler,
 * disruption budget and spread per Deployment. The mutation cases show each rule fails when broken.
 */
class RenderedManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{((?:VITESS|S3|KAFKA)_[A-Z_]+)(?::[^}]*)?}");

    static List<Map<String, Object>> render(String overlay) {
        return Kustomize.build(K8S.resolve("overlays/" + overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectIsValidAgainstTheApiSchema(String overlay) {
        List<Map<String, Object>> objects = render(overlay);

        assertThat(objects)
                .extracting(o -> o.get("kind"))
                .contains("Deployment", "Service", "ConfigMap", "Ingress", "Job");
        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(K8sManifestValidator.problems(o)));
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadFollowsTheDeploymentRules(String overlay) {
        assertThat(ruleViolations(render(overlay), overlay.equals("prod"))).isEmpty();
    }

    @Test
    void anUnknownFieldFailsValidation() {
        Map<String, Object> deployment = deployment(render("prod"), "rdf-service");
        map(container(deployment).get("readinessProbe")).put("initialDelaySecs", 5);

        assertThat(K8sManifestValidator.problems(deployment))
                .containsExactly(
                        "Deployment/rdf-service:.spec.template.spec.containers[0].readinessProbe unknown field(s)"
                                + " [initialDelaySecs]");
    }

    @Test
    void aValueOfTheWrongTypeFailsValidation() {
        Map<String, Object> deployment = deployment(render("dev"), "gateway");
        map(deployment.get("spec")).put("replicas", "two");

        assertThat(K8sManifestValidator.problems(deployment))
                .singleElement()
                .asString()
                .startsWith("Deployment/gateway: not readable as its kind");
    }

    @Test
    void aMissingProbeFailsTheRules() {
        List<Map<String, Object>> objects = render("dev");
        container(deployment(objects, "user-service")).remove("livenessProbe");

        assertThat(ruleViolations(objects, false))
                .containsExactly(
                        "Deployment/user-service: container user-service has no liveness probe on" + " /q/health/live");
    }

    @Test
    void aMissingInfrastructureSettingFailsTheRules() {
        // the defect issue 17 found by reading: S3_REVISIONS_BUCKET absent, so pods would use the local default
        List<Map<String, Object>> objects = render("prod");
        map(Kustomize.find(objects, "ConfigMap", "entitybase-config")
                        .orElseThrow()
                        .get("data"))
                .remove("S3_REVISIONS_BUCKET");

        assertThat(ruleViolations(objects, true))
                .isNotEmpty()
                .allMatch(v -> v.endsWith(
                        "does not set S3_REVISIONS_BUCKET (the services read it; the default is the local stack's)"));
    }

    @Test
    void prodGivesEveryDeploymentAnAutoscalerADisruptionBudgetAndASpread() {
        List<Map<String, Object>> objects = render("prod");
        objects.removeIf(o -> o.get("kind").equals("PodDisruptionBudget")
                && map(o.get("metadata")).get("name").equals("entity-service"));

        assertThat(ruleViolations(objects, true))
                .containsExactly("Deployment/entity-service: no PodDisruptionBudget selects it");
    }

    @Test
    void theRendererRefusesWhatItDoesNotDo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ncommonLabels:\n  a: b\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kustomize.build(dir))
                .hasMessageContaining("kustomization fields this renderer does not do: [commonLabels]");
    }

    /** The rules the API schema does not state, one line per violation. */
    static List<String> ruleViolations(List<Map<String, Object>> objects, boolean prod) {
        List<String> out = new ArrayList<>();
        Properties budget = memoryBudget();
        Set<String> configMap = Kustomize.find(objects, "ConfigMap", "entitybase-config")
                .map(c -> map(c.get("data")).keySet())
                .orElse(Set.of());
        objects.stream()
                .filter(o -> o.get("kind").equals("Secret"))
                .forEach(o -> out.add("Secret/" + map(o.get("metadata")).get("name")
                        + ": shipped with the manifests (create it out of band)"));
        for (Map<String, Object> object : objects) {
            String kind = (String) object.get("kind");
            if (!kind.equals("Deployment") && !kind.equals("Job")) {
                continue;
            }
            String name = (String) map(object.get("metadata")).get("name");
            String id = kind + "/" + name;
            Map<String, Object> pod =
                    map(map(map(object.get("spec")).get("template")).get("spec"));
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                String service = ((String) container.get("image")).replaceAll("^.*/([^/:]+)(:.*)?$", "$1");
                Set<String> env = new TreeSet<>(configMap);
                list(container.get("env")).forEach(e -> env.add((String) map(e).get("name")));
                for (String setting : settingsRead(service)) {
                    if (!env.contains(setting)) {
                        out.add(id + ": container " + container.get("name") + " does not set " + setting
                                + " (the services read it; the default is the local stack's)");
                    }
                }
                memory(id, container, budget, service, out);
                if (kind.equals("Deployment")) {
                    probe(id, container, "readinessProbe", "readiness", "/q/health/ready", out);
                    probe(id, container, "livenessProbe", "liveness", "/q/health/live", out);
                }
            }
            if (kind.equals("Deployment")) {
                gracePeriod(
                        id,
                        pod,
                        configMap.contains("QUARKUS_SHUTDOWN_TIMEOUT")
                                ? (String) map(Kustomize.find(objects, "ConfigMap", "entitybase-config")
                                                .orElseThrow()
                                                .get("data"))
                                        .get("QUARKUS_SHUTDOWN_TIMEOUT")
                                : null,
                        out);
                if (prod) {
                    prodRules(objects, id, name, map(object.get("spec")), pod, out);
                }
            }
        }
        return out;
    }

    private static void probe(
            String id, Map<String, Object> container, String field, String what, String path, List<String> out) {
        Map<String, Object> probe = map(container.get(field));
        Map<String, Object> http = probe == null ? null : map(probe.get("httpGet"));
        if (http == null || !path.equals(http.get("path"))) {
            out.add(id + ": container " + container.get("name") + " has no " + what + " probe on " + path);
        }
    }

    private static void gracePeriod(String id, Map<String, Object> pod, String shutdownTimeout, List<String> out) {
        Object grace = pod.get("terminationGracePeriodSeconds");
        if (shutdownTimeout == null) {
            out.add(id + ": QUARKUS_SHUTDOWN_TIMEOUT unset: Quarkus drops in-flight requests on SIGTERM");
        } else if (!(grace instanceof Integer seconds)
                || Duration.ofSeconds(seconds).compareTo(Duration.parse("PT" + shutdownTimeout.toUpperCase())) <= 0) {
            out.add(id + ": terminationGracePeriodSeconds " + grace + " not above the shutdown timeout "
                    + shutdownTimeout + " (the kubelet would kill the pod mid-drain)");
        }
    }

    private static void memory(
            String id, Map<String, Object> container, Properties budget, String service, List<String> out) {
        String mib = budget.getProperty(service + ".container");
        Map<String, Object> resources = map(container.get("resources"));
        Object request =
                resources == null ? null : map(resources.get("requests")).get("memory");
        Object limit = resources == null ? null : map(resources.get("limits")).get("memory");
        if (mib == null || !(mib + "Mi").equals(request) || !(mib + "Mi").equals(limit)) {
            out.add(id + ": memory request " + request + " / limit " + limit + ", memory-budget.properties says " + mib
                    + "Mi for " + service);
        }
    }

    private static void prodRules(
            List<Map<String, Object>> objects,
            String id,
            String name,
            Map<String, Object> spec,
            Map<String, Object> pod,
            List<String> out) {
        boolean scaled = objects.stream()
                .anyMatch(o -> o.get("kind").equals("HorizontalPodAutoscaler")
                        && name.equals(
                                map(map(o.get("spec")).get("scaleTargetRef")).get("name"))
                        && ((Integer) map(o.get("spec")).get("minReplicas")) >= 2);
        if (!scaled) {
            out.add(id + ": no HorizontalPodAutoscaler with at least 2 replicas targets it");
        }
        boolean budgeted = objects.stream()
                .anyMatch(o -> o.get("kind").equals("PodDisruptionBudget")
                        && name.equals(
                                map(map(map(o.get("spec")).get("selector")).get("matchLabels"))
                                        .get("app.kubernetes.io/name")));
        if (!budgeted) {
            out.add(id + ": no PodDisruptionBudget selects it");
        }
        if (list(pod.get("topologySpreadConstraints")).isEmpty()) {
            out.add(id + ": no topologySpreadConstraints");
        }
        if (((Integer) spec.getOrDefault("replicas", 1)) < 2) {
            out.add(id + ": fewer than 2 replicas");
        }
    }

    /**
     * The VITESS_, S3_ and KAFKA_ settings {@code service} reads: common-runtime's defaults file and its own
     * application.properties. Each has a local-stack default, so a cluster that forgets one runs against 127.0.0.1.
     */
    static Set<String> settingsRead(String service) {
        Set<String> out = new LinkedHashSet<>();
        for (Path file : List.of(
                ROOT.resolve("common-runtime/src/main/resources/META-INF/microprofile-config.properties"),
                ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            try {
                if (Files.isRegularFile(file)) {
                    Matcher m = ENV_REFERENCE.matcher(Files.readString(file));
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    private static Properties memoryBudget() {
        Properties budget = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("deploy/memory-budget.properties"))) {
            budget.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return budget;
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> objects, String name) {
        return Kustomize.find(objects, "Deployment", name).orElseThrow();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                        .get("containers"))
                .get(0));
    }
}
