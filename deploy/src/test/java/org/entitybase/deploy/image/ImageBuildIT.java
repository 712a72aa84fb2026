package org.entitybase.deploy.image;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.deploy.k8s.RenderedManifestsAccess.container;
import static org.entitybase.deploy.k8s.RenderedManifestsAccess.deployments;

/**
 * Builds the image of every service whose quarkus-app is packaged (in every {@code mvn verify}
 * of the whole build, which packages the services before it reaches deploy; alone: {@code mvn -pl <services> -am
 * package -DskipTests} then {@code mvn -pl deploy verify -Dit.test=ImageBuildIT}) and checks each image's
 * configuration against what the rendered manifests expect of it: the port the Deployment exposes and probes, the
 * user its pod security context runs as, an entrypoint that honours the JDK_JAVA_OPTIONS the manifest sets the heap
 * with, and the application layers Quarkus' fast-jar needs.
 */
class ImageBuildIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path IMAGES = Path.of("target/images").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Path> BUILT = new HashMap<>();

    @BeforeAll
    static void buildImages() throws Exception {
        Path runtime = ServiceImages.runtime(
                Path.of(System.getProperty("java.home")), Path.of("target").toAbsolutePath());
        Set<Path> libraries = ServiceImages.systemLibraries(runtime);
        for (Map<String, Object> deployment : deployments("dev")) {
            Map<String, Object> container = container(deployment);
            String service = (String) container.get("name");
            Path app = ROOT.resolve(service + "/target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                continue;
            }
            int port = (Integer) ((Map<?, ?>) ((List<?>) container.get("ports")).get(0)).get("containerPort");
            Path tarball = IMAGES.resolve(service + ".tar");
            long start = System.nanoTime();
            ServiceImages.build(service, port, app, runtime, libraries, tarball);
            System.out.printf(
                    "image %s: %d MiB in %.1f s%n",
                    service, Files.size(tarball) >> 20, (System.nanoTime() - start) / 1e9);
            BUILT.put(service, tarball);
        }
        Assumptions.assumeFalse(BUILT.isEmpty(), "no service is packaged: mvn -pl <service> -am package first");
    }

    @Test
    void everyImageIsConfiguredAsItsManifestExpects() throws Exception {
        for (Map<String, Object> deployment : deployments("dev")) {
            Map<String, Object> container = container(deployment);
            String service = (String) container.get("name");
            if (!BUILT.containsKey(service)) {
                continue;
            }
            JsonNode config = imageConfig(BUILT.get(service)).path("config");
            Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template")).get("spec");
            Object runAsUser = ((Map<?, ?>) pod.get("securityContext")).get("runAsUser");
            Object port = ((Map<?, ?>) ((List<?>) container.get("ports")).get(0)).get("containerPort");
            List<?> env = (List<?>) container.get("env");

            assertThat(config.path("User").asText()).as(service).isEqualTo(String.valueOf(runAsUser));
            assertThat(config.path("ExposedPorts").has(port + "/tcp"))
                    .as(service + " exposes " + port)
                    .isTrue();
            assertThat(config.path("Entrypoint").toString())
                    .as(service)
                    .isEqualTo("[\"/opt/java/bin/java\",\"-jar\",\"/deployments/quarkus-run.jar\"]");
            // the launcher itself reads JDK_JAVA_OPTIONS: the heap the manifest sets reaches the JVM
            assertThat(env).as(service).anyMatch(e -> "JDK_JAVA_OPTIONS".equals(((Map<?, ?>) e).get("name")));
            assertThat(config.path("Env").toString()).as(service).contains("JAVA_HOME=/opt/java");
        }
    }

    @Test
    void everyImageHoldsTheRuntimeTheLoaderAndTheFastJar() throws Exception {
        for (Map.Entry<String, Path> image : BUILT.entrySet()) {
            Set<String> files = ImageTarball.files(image.getValue());
            assertThat(files)
                    .as(image.getKey())
                    .contains(
                            "opt/java/bin/java",
                            "lib64/ld-linux-x86-64.so.2",
                            "etc/passwd",
                            "deployments/quarkus-run.jar",
                            "deployments/quarkus/quarkus-application.dat");
            assertThat(files).as(image.getKey()).anyMatch(f -> f.startsWith("deployments/lib/main/"));
        }
    }

    /** The image configuration of an OCI layout tarball: index.json → manifest → config. */
    private static JsonNode imageConfig(Path tarball) throws Exception {
        Map<String, byte[]> entries =
                ImageTarball.entries(tarball, n -> n.equals("index.json") || n.startsWith("blobs/"));
        JsonNode index = JSON.readTree(entries.get("index.json"));
        JsonNode manifest = JSON.readTree(
                entries.get(blob(index.path("manifests").get(0).path("digest").asText())));
        return JSON.readTree(
                entries.get(blob(manifest.path("config").path("digest").asText())));
    }

    private static String blob(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    /** Reads an OCI layout tarball as Jib writes it (TarImage with ImageFormat.OCI). */
    static final class ImageTarball {
        static Map<String, byte[]> entries(Path tarball, java.util.function.Predicate<String> wanted) throws Exception {
            Map<String, byte[]> out = new HashMap<>();
            try (InputStream in = Files.newInputStream(tarball);
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (wanted.test(e.getName()) && e.getSize() < (1 << 20)) {
                        out.put(e.getName(), tar.readAllBytes());
                    }
                }
            }
            return out;
        }

        /** Every file path of every layer (layers are gzipped tars inside the image tarball). */
        static Set<String> files(Path tarball) throws Exception {
            Set<String> out = new java.util.TreeSet<>();
            try (InputStream in = Files.newInputStream(tarball);
                    TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (!e.getName().startsWith("blobs/")) {
                        continue;
                    }
                    byte[] head = tar.readAllBytes();
                    if (head.length < 2 || (head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) {
                        continue; // a config or manifest blob, not a layer
                    }
                    try (TarArchiveInputStream layer = new TarArchiveInputStream(
                            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(head)))) {
                        for (TarArchiveEntry f; (f = layer.getNextEntry()) != null; ) {
                            out.add(f.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
                        }
                    }
                }
            }
            return out;
        }
    }
}
