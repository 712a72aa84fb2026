package org.entitybase.gateway.route;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/network-policies.yaml against routes.json (issue 16): every service has a policy on its own pods and
 * port; a service's port admits pods of the gateway and of its known callers only, never a namespace but the
 * monitoring one; the gateway admits the ingress controller's namespace.
 */
class NetworkPoliciesTest {
    private static final Path REPO = Path.of(System.getProperty("entitybase.repo", ".."));
    private static final RouteTable TABLE = RouteTableSource.fromFile(REPO.resolve(IngressGenerator.ROUTES_FILE))
            .table();
    /** Who may call a service (default: the gateway): entity-service reserves id ranges; the gateway asks health. */
    private static final Map<String, Set<String>> CALLERS =
            Map.of("id-allocator", Set.of("entity-service", RouteTable.GATEWAY));

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> policies() throws IOException {
        Iterable<Object> docs = new Yaml().loadAll(Files.readString(REPO.resolve("deploy/k8s/network-policies.yaml")));
        Map<String, Map<String, Object>> byPod = new HashMap<>();
        for (Object doc : StreamSupport.stream(docs.spliterator(), false).toList()) {
            Map<String, Object> policy = (Map<String, Object>) doc;
            assertThat(policy).containsEntry("kind", "NetworkPolicy");
            Map<String, Object> spec = (Map<String, Object>) policy.get("spec");
            assertThat((List<String>) spec.get("policyTypes")).containsExactly("Ingress");
            String pod = ((Map<String, String>) ((Map<String, Object>) spec.get("podSelector")).get("matchLabels"))
                    .get("app.kubernetes.io/name");
            byPod.put(pod, spec);
        }
        return byPod;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> admitted(Map<String, Object> spec, String selector, String label, int port) {
        return ((List<Map<String, Object>>) spec.get("ingress"))
                .stream()
                        .filter(rule -> ((List<Map<String, Object>>) rule.get("ports"))
                                .stream().allMatch(p -> ((Number) p.get("port")).intValue() == port))
                        .flatMap(rule -> ((List<Map<String, Object>>) rule.get("from")).stream())
                        .filter(from -> from.containsKey(selector))
                        .map(from -> ((Map<String, Map<String, String>>) from.get(selector))
                                .get("matchLabels")
                                .get(label))
                        .collect(Collectors.toSet());
    }

    @Test
    void everyServiceAdmitsOnlyTheGatewayAndItsCallers() throws IOException {
        Map<String, Map<String, Object>> policies = policies();
        for (ServiceEndpoint service : TABLE.services().values()) {
            Map<String, Object> spec = policies.get(service.k8sService());
            assertThat(spec).as("a NetworkPolicy for %s", service.name()).isNotNull();
            Set<String> namespaces = admitted(spec, "namespaceSelector", "kubernetes.io/metadata.name", service.port());
            Set<String> pods = admitted(spec, "podSelector", "app.kubernetes.io/name", service.port());
            if (service.name().equals(RouteTable.GATEWAY)) {
                assertThat(namespaces).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
                assertThat(pods).isEmpty();
            } else {
                assertThat(namespaces).as(service.name()).containsExactly("monitoring");
                Set<String> expected = CALLERS.getOrDefault(service.name(), Set.of(RouteTable.GATEWAY));
                assertThat(pods).as(service.name()).isEqualTo(expected);
            }
        }
    }
}
