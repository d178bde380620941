package dev.apprentice.service.config;

import java.util.Optional;
import io.smallrye.config.ConfigMapping;

/** Where the demonstration store and the policy registry live ({@code apprentice.storage.*}). */
@ConfigMapping(prefix = "apprentice.storage")
public interface StorageSettings {

    /** Directory of the demonstration store; unset: {@code .apprentice/<domain>/store}. */
    Optional<String> storeDirectory();

    /** Directory of the policy registry; unset: {@code .apprentice/<domain>/registry}. */
    Optional<String> registryDirectory();
}
