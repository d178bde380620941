package dev.apprentice.service.config;

import java.util.Optional;
import io.smallrye.config.ConfigMapping;

/** Where the demonstration store, the policy registry and the service state live ({@code apprentice.storage.*}). */
@ConfigMapping(prefix = "apprentice.storage")
public interface StorageSettings {

    /** Directory of the demonstration store; unset: {@code .apprentice/<domain>/store}. */
    Optional<String> storeDirectory();

    /** Directory of the policy registry; unset: {@code .apprentice/<domain>/registry}. */
    Optional<String> registryDirectory();

    /**
     * Directory of the service's own state that must survive a restart (the training-job journal
     * and checkpoints, the expert producer's next seeds); unset: {@code .apprentice/<domain>/state}.
     */
    Optional<String> stateDirectory();
}
