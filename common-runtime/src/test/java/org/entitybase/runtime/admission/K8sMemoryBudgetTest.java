package org.entitybase.runtime.admission;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/memory-budget.properties is the one statement of each service's memory: the Kubernetes manifests and the
 * {@code ./entitybase} runner take their heap and its split from it.
 */
class K8sMemoryBudgetTest {
    private static final Path REPO = Path.of(System.getProperty("entitybase.repo", ".."));
    private static final Path SERVICES = REPO.resolve("deploy/k8s/services");

    private static Properties budget() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(REPO.resolve("deploy/memory-budget.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyManifestTakesHeapSplitAndContainerMemoryFromTheBudget() throws IOException {
        Properties budget = budget();
        Set<String> services = new TreeSet<>();
        budget.stringPropertyNames().forEach(k -> services.add(k.substring(0, k.lastIndexOf('.'))));
        Set<String> manifests = new TreeSet<>();
        try (var files = Files.list(SERVICES)) {
            files.forEach(f -> manifests.add(f.getFileName().toString().replace(".yaml", "")));
        }
        assertThat(services).as("a budget for every manifest and no other").isEqualTo(manifests);
        for (String service : services) {
            String yaml = Files.readString(SERVICES.resolve(service + ".yaml"));
            int heap = mib(budget, service, "heap");
            int caches = mib(budget, service, "caches");
            int admission = mib(budget, service, "admission");
            int container = mib(budget, service, "container");
            assertThat(caches + admission)
                    .as(service + ": caches + admission within the heap")
                    .isLessThan(heap);
            assertThat(container).as(service + ": container above the heap").isGreaterThan(heap);
            assertThat(env(yaml, "JDK_JAVA_OPTIONS")).as(service).contains("-Xmx" + heap + "m");
            assertThat(env(yaml, "ENTITYBASE_MEMORY_CACHES")).as(service).isEqualTo(caches + "M");
            assertThat(env(yaml, "ENTITYBASE_MEMORY_ADMISSION")).as(service).isEqualTo(admission + "M");
            assertThat(memory(yaml, "requests")).as(service + " memory request").isEqualTo(container + "Mi");
            assertThat(memory(yaml, "limits")).as(service + " memory limit").isEqualTo(container + "Mi");
        }
    }

    @Test
    void theRunnerReadsTheBudgetAndHardCodesNoHeap() throws IOException {
        String runner = Files.readString(REPO.resolve("entitybase"));
        assertThat(runner).contains("deploy/memory-budget.properties");
        assertThat(runner).containsPattern("-Xmx\"\\$\\(memory_budget \"\\$name\" heap\\)\"m");
        assertThat(runner).contains("-Dentitybase.memory.caches=").contains("-Dentitybase.memory.admission=");
        assertThat(Pattern.compile("-Xmx[0-9]").matcher(runner).find())
                .as("no fixed -Xmx in the runner")
                .isFalse();
    }

    private static int mib(Properties budget, String service, String part) {
        String value = budget.getProperty(service + "." + part);
        assertThat(value).as(service + "." + part).isNotNull().matches("[0-9]+");
        return Integer.parseInt(value);
    }

    private static String env(String yaml, String name) {
        Matcher m = Pattern.compile("- name: " + name + "\\n\\s+value: \"?([^\"\\n]+)\"?\\n")
                .matcher(yaml);
        assertThat(m.find()).as("env " + name).isTrue();
        return m.group(1).trim();
    }

    private static String memory(String yaml, String block) {
        Matcher m = Pattern.compile(block + ":\\n(?:\\s+cpu: [^\\n]+\\n)?\\s+memory: (\\S+)")
                .matcher(yaml);
        assertThat(m.find()).as(block).isTrue();
        return m.group(1);
    }
}
