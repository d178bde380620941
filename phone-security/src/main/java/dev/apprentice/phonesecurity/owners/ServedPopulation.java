package dev.apprentice.phonesecurity.owners;

import dev.apprentice.phonesecurity.model.PopulationModel;
import dev.apprentice.phonesecurity.model.PopulationRef;

/**
 * The population model currently served, with the reference owners' models must carry to be
 * scored against it.
 *
 * @param model the population model
 * @param reference its registry name, version and weights checksum
 */
public record ServedPopulation(PopulationModel model, PopulationRef reference) {
}
