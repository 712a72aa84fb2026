package org.entitybase.gateway.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds and loads routes.json: an explicit path, else the repo file under the working directory, else the jar copy. */
public final class RouteTableSource {
    /** Relative to the working directory (the repo root when started by the stack scripts). */
    public static final Path REPO_FILE = Path.of("deploy", "gateway", "routes.json");

    /** Where the build copies deploy/gateway/routes.json into the jar (see the gateway pom). */
    public static final String CLASSPATH_RESOURCE = "deploy/gateway/routes.json";

    private RouteTableSource() {}

    /** A loaded table and where it came from (for the startup log and the readiness check). */
    public record Loaded(RouteTable table, String origin) {}

    public static Loaded load(Optional<Path> configured) {
        if (configured.isPresent()) {
            Path path = configured.get();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("route table " + path.toAbsolutePath() + " does not exist");
            }
            return fromFile(path);
        }
        if (Files.isRegularFile(REPO_FILE)) {
            return fromFile(REPO_FILE);
        }
        return fromClasspath();
    }

    public static Loaded fromClasspath() {
        try (InputStream in = RouteTableSource.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + CLASSPATH_RESOURCE + " on the classpath");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Loaded(parse(json, "classpath:" + CLASSPATH_RESOURCE), "classpath:" + CLASSPATH_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Loaded fromFile(Path path) {
        try {
            String origin = path.toAbsolutePath().normalize().toString();
            return new Loaded(parse(Files.readString(path), origin), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read route table " + path, e);
        }
    }

    private static RouteTable parse(String json, String origin) {
        try {
            return RouteTable.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }
}
