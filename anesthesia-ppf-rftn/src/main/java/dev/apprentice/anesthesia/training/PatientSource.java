package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import java.util.List;

/** Which patient a case seed names: random patients for training, the published cohort for evaluation. */
public enum PatientSource {
    /** A random patient per seed ({@link PatientCohort#forSeed}); training and random held-out cases. */
    RANDOM,
    /** Patient {@code seed mod 13} of Ionescu et al. 2008: any 13 consecutive seeds cover the cohort once. */
    COHORT;

    private static final List<Patient> IONESCU = PatientCohort.ionescu2008();

    /** The patient of a case seed. */
    public Patient patient(long seed) {
        return switch (this) {
            case RANDOM -> PatientCohort.forSeed(seed);
            case COHORT -> IONESCU.get((int) Math.floorMod(seed, IONESCU.size()));
        };
    }
}
