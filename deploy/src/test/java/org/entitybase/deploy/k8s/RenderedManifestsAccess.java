package org.entitybase.deploy.k8s;

import java.util.List;
import java.util.Map;

/** The rendered overlays for tests outside this package (the image checks compare images with them). */
public final class RenderedManifestsAccess {

    private RenderedManifestsAccess() {}

    public static List<Map<String, Object>> deployments(String overlay) {
        return RenderedManifestsTest.render(overlay).stream()
                .filter(o -> "Deployment".equals(o.get("kind")))
                .toList();
    }

    public static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = Kustomize.map(
                Kustomize.map(Kustomize.map(deployment.get("spec")).get("template"))
                        .get("spec"));
        return Kustomize.map(Kustomize.list(pod.get("containers")).get(0));
    }
}
