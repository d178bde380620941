package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

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

    /**
     * On the training replica: the store directories of the other ingesting replicas of the same
     * consumer group (e.g. on a shared volume), read-only, so that training and adaptation read
     * every partition's records; unset: this replica's store alone.
     */
    Optional<List<String>> peerStoreDirectories();
}
