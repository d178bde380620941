package dev.apprentice.il.registry;

import java.nio.file.Path;
import java.util.Map;

/**
 * A second process for {@link PolicyRegistryConcurrencyTest}: registers and promotes versions of a
 * model in a registry directory that the test process writes to at the same time.
 */
public final class RegistryWriterProcess {

    private RegistryWriterProcess() {
    }

    /** A card whose {@code writer} data names who registered it, so that every registration is identifiable. */
    static ModelCard card(String model, String writer) {
        return new ModelCard(model, 0, "bc", "CategoricalMlpPolicy", "Box(4)", "Discrete(2)", Map.of(),
                Map.of("writer", writer), Map.of(), Map.of(), null, LibraryVersion.get(), null, null);
    }

    /**
     * Arguments: registry directory, model, number of versions to register, writer tag. Each
     * version is registered and then promoted; every third one is rolled back again, unless the
     * other process's rollbacks left nothing to roll back to.
     */
    public static void main(String[] args) {
        PolicyRegistry registry = new PolicyRegistry(Path.of(args[0]));
        String model = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            ModelCard card = registry.register(PolicyRegistryTest.policy(i), card(model, args[3] + "-" + i));
            registry.promote(model, card.version());
            if (i % 3 == 2) {
                try {
                    registry.rollback(model);
                } catch (IllegalStateException e) {
                    if (!PolicyRegistryConcurrencyTest.nothingToRollBackTo(e)) {
                        throw e;
                    }
                    System.out.println("rollback refused: " + e.getMessage());
                }
            }
        }
        System.out.println("registered " + count);
    }
}
