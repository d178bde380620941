package dev.apprentice.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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
        return repositoryRoot().resolve("deploy/kubernetes/overlays").resolve(name);
    }

    static ProjectRules rules(String overlay) {
        return overlay.equals("prod") ? new ProjectRules(repositoryRoot(), PROD_USER_SECRETS, true)
                : new ProjectRules(repositoryRoot(), Map.of(), false);
    }
}
