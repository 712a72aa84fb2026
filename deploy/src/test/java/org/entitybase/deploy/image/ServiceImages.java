package org.entitybase.deploy.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;

/**
 * Builds a service's container image with jib-core, without a Docker daemon and without a registry: no base image is
 * pulled (none is reachable here); the image is made from scratch of three base layers built from what is on disk —
 * a Java runtime {@code jlink}ed from the build's JDK (/opt/java), the glibc files that runtime links against (copied
 * from the build machine: {@code ldd} of every .so of the runtime), and /etc/passwd with the non-root user 185 — and
 * the application layers Quarkus' fast-jar lays out (lib/boot, lib/main, quarkus, app: dependencies change least,
 * so they come first). Written as a tarball ({@code TarImage}, OCI format) that {@code docker load}, {@code podman
 * load} or {@code skopeo copy docker-archive:…} take.
 *
 * <p>The entrypoint is the java launcher itself (no shell, no run script), so the heap options reach it through
 * {@code JDK_JAVA_OPTIONS}, which the launcher reads; the manifests set that variable.
 */
final class ServiceImages {

    static final String USER = "185";
    static final String JAVA = "/opt/java";
    static final String APP = "/deployments";
    /** What Quarkus needs of the JDK, and the rest of Java SE (a service may touch any of it through a library). */
    private static final String MODULES =
            "java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.management";

    private static final Set<String> HEADLESS_NEVER_LOADED =
            Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so");
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");

    private ServiceImages() {}

    /** A jlinked runtime under {@code target} (made once per build). */
    static Path runtime(Path javaHome, Path target) throws IOException, InterruptedException {
        Path runtime = target.resolve("image-runtime");
        if (Files.isExecutable(runtime.resolve("bin/java"))) {
            return runtime;
        }
        run(List.of(
                javaHome.resolve("bin/jlink").toString(),
                "--add-modules",
                MODULES,
                "--strip-debug",
                "--no-man-pages",
                "--no-header-files",
                // zip-N since JDK 21; 17 knows only 0-2 (2 = zip)
                Runtime.version().feature() >= 21 ? "--compress=zip-6" : "--compress=2",
                "--output",
                runtime.toString()));
        return runtime;
    }

    /** The shared libraries (and the dynamic loader) the runtime's binaries and libraries link against. */
    static Set<Path> systemLibraries(Path runtime) throws IOException, InterruptedException {
        Set<Path> out = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        binaries.add(runtime.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(runtime.resolve("lib"))) {
            // AWT's X11 and splash-screen libraries are loaded only with a display: no libX11 in a server image
            files.filter(f -> f.toString().endsWith(".so"))
                    .filter(f -> !HEADLESS_NEVER_LOADED.contains(f.getFileName().toString()))
                    .forEach(binaries::add);
        }
        for (Path binary : binaries) {
            Matcher m = LIBRARY.matcher(run(List.of("ldd", binary.toString())));
            while (m.find()) {
                Path library = Path.of(m.group(1));
                if (!library.startsWith(runtime)) {
                    out.add(library);
                }
            }
        }
        return out;
    }

    /** Builds {@code service}'s image from its quarkus-app into {@code tarball}; returns the image reference. */
    static String build(String service, int port, Path quarkusApp, Path runtime, Set<Path> libraries, Path tarball)
            throws Exception {
        String reference = "entitybase/" + service + ":0.1.0-SNAPSHOT";
        FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("glibc");
        for (Path library : libraries) {
            // the loader and libc are addressed by their real paths and by the names ldd printed (symlinks)
            system.addEntry(
                    library.toRealPath(),
                    AbsoluteUnixPath.get(library.toString()),
                    FilePermissions.fromOctalString("755"));
        }
        Path etc = Files.createTempDirectory("image-etc");
        Files.writeString(
                etc.resolve("passwd"),
                "root:x:0:0:root:/root:/sbin/nologin\n" + "default:x:" + USER + ":0:service user:" + APP
                        + ":/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\n");
        Path tmp = Files.createDirectories(etc.resolve("tmp"));
        // /tmp for Vert.x's file cache and the JVM's perf data, writable by the service user
        FileEntriesLayer.Builder users = FileEntriesLayer.builder()
                .setName("users")
                .addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"))
                .addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"))
                .addEntry(tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"));

        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .addFileEntriesLayer(system.build())
                .addFileEntriesLayer(tree("java-runtime", runtime, JAVA))
                .addFileEntriesLayer(users.build())
                .addFileEntriesLayer(tree("lib-boot", quarkusApp.resolve("lib/boot"), APP + "/lib/boot"))
                .addFileEntriesLayer(tree("lib-main", quarkusApp.resolve("lib/main"), APP + "/lib/main"))
                .addFileEntriesLayer(tree("quarkus", quarkusApp.resolve("quarkus"), APP + "/quarkus"))
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("app")
                        .addEntry(quarkusApp.resolve("quarkus-run.jar"), AbsoluteUnixPath.get(APP + "/quarkus-run.jar"))
                        .build())
                .addFileEntriesLayer(tree("app-classes", quarkusApp.resolve("app"), APP + "/app"))
                .setEntrypoint(List.of(JAVA + "/bin/java", "-jar", APP + "/quarkus-run.jar"))
                .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                .setUser(USER)
                .setExposedPorts(Set.of(Port.tcp(port)))
                .addEnvironmentVariable("JAVA_HOME", JAVA)
                .addEnvironmentVariable("PATH", JAVA + "/bin:/usr/bin:/bin")
                .addEnvironmentVariable("QUARKUS_HTTP_PORT", Integer.toString(port))
                .addLabel("org.opencontainers.image.title", service)
                .setCreationTime(Instant.EPOCH);
        Files.createDirectories(tarball.getParent());
        image.containerize(Containerizer.to(TarImage.at(tarball).named(reference))
                .setBaseImageLayersCache(tarball.getParent().resolve("cache/base"))
                .setApplicationLayersCache(tarball.getParent().resolve("cache/app"))
                .setOfflineMode(true));
        return reference;
    }

    private static FileEntriesLayer tree(String name, Path source, String target) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        if (!Files.isDirectory(source)) {
            return layer.build();
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = source.relativize(file).toString();
                boolean executable = Files.isExecutable(file);
                layer.addEntry(
                        file,
                        AbsoluteUnixPath.get(target + "/" + relative),
                        FilePermissions.fromOctalString(executable ? "755" : "644"));
            }
        }
        return layer.build();
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + output);
        }
        return output;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
