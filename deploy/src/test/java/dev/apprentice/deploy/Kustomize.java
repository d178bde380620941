package dev.apprentice.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders an overlay with the machine's {@code kubectl kustomize}, the same renderer {@code kubectl apply -k} uses. */
public final class Kustomize {

    private static final String INSTALL_HINT = "run scripts/install-kubectl (it installs Debian's kubernetes-client)";
    private static final long TIMEOUT_SECONDS = 60;

    private final Path kubectl;

    private Kustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    /**
     * Finds kubectl on the PATH, else at /usr/bin/kubectl.
     *
     * @throws IllegalStateException naming scripts/install-kubectl when there is none
     */
    public static Kustomize find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty()) {
                    candidates.add(Path.of(directory, "kubectl"));
                }
            }
        }
        candidates.add(Path.of("/usr/bin/kubectl"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Kustomize::new)
                .orElseThrow(() -> new IllegalStateException("no kubectl on the PATH nor at /usr/bin/kubectl: the"
                        + " manifests cannot be rendered; " + INSTALL_HINT));
    }

    /** The kubectl this renderer runs. */
    public Path kubectl() {
        return kubectl;
    }

    /**
     * The rendered YAML of the kustomization in {@code directory}.
     *
     * @throws IllegalStateException with kubectl's message when rendering fails or takes too long
     */
    public String render(Path directory) {
        Path errors = null;
        try {
            errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(kubectl + " kustomize " + directory + ": no answer within "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(kubectl + " kustomize " + directory + " failed (exit "
                        + process.exitValue() + "): " + Files.readString(errors).strip() + "; if this kubectl has no"
                        + " working kustomize, " + INSTALL_HINT);
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + kubectl + " kustomize " + directory + ": " + e.getMessage()
                    + "; " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + directory, e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }
}
