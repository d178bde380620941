package dev.apprentice.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Where the repository and its overlays are, and what each overlay expects from the user. */
final class Overlays {

    /** The Secrets prod leaves to the user (deploy/README.md creates them), with the keys the pods read. */
    static final Map<String, Set<String>> PROD_USER_SECRETS = Map.of(
            "apprentice-api-keys", Set.of("admin-keys", "decision-keys", "metrics-key"),
            "phone-security-master-key", Set.of("master-key"));

    private Overlays() {
    }

    static Path repositoryRoot() {
        String root = System.getProperty("apprentice.repository.root");
        return Path.of(root == null ? ".." : root).toAbsolutePath().normalize();
    }

    static Path overlay(String name) {
        return overlaysDirectory().resolve(name);
    }

    /** Every overlay the repository ships: each directory under overlays/ with a kustomization, by name. */
    static List<String> all() {
        try (Stream<Path> directories = Files.list(overlaysDirectory())) {
            return directories.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + overlaysDirectory(), e);
        }
    }

    /** Prod's rules (the user's Secrets, pinned images) for prod and the overlays built on it, prod-*. */
    static ProjectRules rules(String overlay) {
        return isProd(overlay) ? new ProjectRules(repositoryRoot(), PROD_USER_SECRETS, true)
                : new ProjectRules(repositoryRoot(), Map.of(), false);
    }

    static boolean isProd(String overlay) {
        return overlay.equals("prod") || overlay.startsWith("prod-");
    }

    private static Path overlaysDirectory() {
        return repositoryRoot().resolve("deploy/kubernetes/overlays");
    }
}
