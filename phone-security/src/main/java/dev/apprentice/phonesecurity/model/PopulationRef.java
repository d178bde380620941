package dev.apprentice.phonesecurity.model;

/**
 * Which registered population model an owner's model was learned from; scoring refuses to mix an
 * owner with another population, whose coordinates mean something else.
 *
 * @param model the population's registry name
 * @param version its version
 * @param weightsSha256 the SHA-256 of its weights file
 */
public record PopulationRef(String model, int version, String weightsSha256) {
}
