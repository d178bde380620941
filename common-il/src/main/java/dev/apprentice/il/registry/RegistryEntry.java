package dev.apprentice.il.registry;

import java.util.Optional;

/**
 * One stored version as listed: its card when it verifies, otherwise the reason it does not.
 *
 * @param version the version number
 * @param card the model card, empty when the artefact is corrupt
 * @param problem why the artefact cannot be used, empty when it is sound
 * @param promoted whether this is the version currently served
 */
public record RegistryEntry(int version, Optional<ModelCard> card, Optional<String> problem, boolean promoted) {
}
