package dev.apprentice.service.domain;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.data.DemonstrationSet;
import java.util.List;

/** How a domain trains: which algorithms, on what task, with which settings. */
public interface TrainingRecipes {

    /** The algorithms offered, in the order automatic training and reports use. */
    List<Algorithm> algorithms();

    /** The training task for stored raw demonstrations (features, and environments if the domain simulates). */
    ImitationTask task(DemonstrationSet rawDemonstrations);

    /**
     * The trainer for an algorithm with the domain's settings.
     *
     * @param iterations iterations of iterative algorithms, or 0 for {@link #defaultIterations}
     */
    Trainer trainer(Algorithm algorithm, long seed, int threads, int iterations);

    /** Iterations an iterative algorithm runs when nobody says otherwise (0 for algorithms that stop by themselves). */
    int defaultIterations(Algorithm algorithm);
}
