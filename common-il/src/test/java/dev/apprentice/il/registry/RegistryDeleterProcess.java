package dev.apprentice.il.registry;

import java.nio.file.Path;

/**
 * A second process for {@link PolicyRegistryConcurrencyTest}: deletes a model again and again while
 * the test process registers and promotes versions of it, and prints how many versions it removed.
 */
public final class RegistryDeleterProcess {

    private RegistryDeleterProcess() {
    }

    /** Arguments: registry directory, model, how long to keep deleting in milliseconds. */
    public static void main(String[] args) throws InterruptedException {
        PolicyRegistry registry = new PolicyRegistry(Path.of(args[0]));
        long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000;
        long removed = 0;
        int deletions = 0;
        while (System.nanoTime() < end) {
            removed += registry.delete(args[1]);
            deletions++;
            Thread.sleep(5);
        }
        System.out.println("deletions " + deletions);
        System.out.println("removed " + removed);
    }
}
