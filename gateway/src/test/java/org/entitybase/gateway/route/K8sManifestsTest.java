package org.entitybase.gateway.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.entitybase.gateway.proxy.Upstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.gateway.route.YamlPaths.at;

/** The hand-written manifests in deploy/k8s agree with the services block of routes.json. */
class K8sManifestsTest {
    private static final Path REPO = Path.of(System.getProperty("entitybase.repo", ".."));
    private static final Path K8S = REPO.resolve("deploy/k8s");
    private static final RouteTable TABLE = RouteTableSource.fromFile(REPO.resolve(IngressGenerator.ROUTES_FILE))
            .table();

    @Test
    void everyServiceHasADeploymentAndServiceOnItsPortWithHealthProbes() throws IOException {
        for (ServiceEndpoint endpoint : TABLE.services().values()) {
            Path file = K8S.resolve("services/" + endpoint.k8sService() + ".yaml");
            assertThat(file).as("manifest of %s", endpoint.name()).exists();
            List<Map<String, Object>> docs = loadAll(file);
            Map<String, Object> deployment = kind(docs, "Deployment");
            Map<String, Object> service = kind(docs, "Service");

            assertThat(at(service, "metadata", "name")).isEqualTo(endpoint.k8sService());
            assertThat(at(service, "spec", "ports", 0, "port")).isEqualTo(endpoint.port());
            Object container = at(deployment, "spec", "template", "spec", "containers", 0);
            assertThat(at(container, "ports", 0, "containerPort")).isEqualTo(endpoint.port());
            assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(at(container, "resources", "requests")).isNotNull();
            assertThat(at(container, "resources", "limits")).isNotNull();
            // the ConfigMap whole, the Secret key by key (deploy/k8s/README.md)
            assertThat((List<?>) at(container, "envFrom")).hasSize(1);
            assertThat(at(container, "envFrom", 0, "configMapRef", "name")).isEqualTo("entitybase-config");
        }
    }

    @Test
    void configMapPointsEveryServiceUrlAtItsKubernetesService() throws IOException {
        Map<String, Object> configMap = kind(loadAll(K8S.resolve("config.yaml")), "ConfigMap");
        for (ServiceEndpoint endpoint : TABLE.services().values()) {
            if (!RouteTable.GATEWAY.equals(endpoint.name())) {
                assertThat(at(configMap, "data", Upstreams.overrideVariable(endpoint.name())))
                        .isEqualTo("http://" + endpoint.k8sService() + ":" + endpoint.port());
            }
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
        @SuppressWarnings("unchecked")
        List<Object> resources = (List<Object>) kustomization.get("resources");
        for (ServiceEndpoint endpoint : TABLE.services().values()) {
            assertThat(resources).contains("services/" + endpoint.k8sService() + ".yaml");
        }
        assertThat(resources).contains("config.yaml", "generated/ingress.yaml");
    }

    private static List<Map<String, Object>> loadAll(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) doc;
            docs.add(map);
        }
        return docs;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream()
                .filter(doc -> kind.equals(doc.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }
}
