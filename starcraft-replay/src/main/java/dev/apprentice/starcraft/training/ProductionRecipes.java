package dev.apprentice.starcraft.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.TrainingRecipes;
import java.util.List;

/**
 * How next-production policies are learned from stored replay demonstrations: behaviour cloning only, on
 * {@link ProductionEncoder} features, with {@link ProductionEvaluation#bcConfig}. A replay is a record of
 * the past, not an environment: GAIL and RAIL, which must roll their policy out, play the minigames.
 */
public final class ProductionRecipes implements TrainingRecipes {

    private static final ProductionEncoder ENCODER = new ProductionEncoder();

    /** The policies' feature map. */
    public static ProductionEncoder encoder() {
        return ENCODER;
    }

    @Override
    public List<Algorithm> algorithms() {
        return List.of(Algorithm.BC);
    }

    @Override
    public ImitationTask task(DemonstrationSet rawDemonstrations) {
        return ImitationTask.of(rawDemonstrations.mapStates(ENCODER.outputSpace(), ENCODER::encode));
    }

    /** @throws IllegalArgumentException for any algorithm but BC */
    @Override
    public Trainer trainer(Algorithm algorithm, long seed, int threads, int iterations) {
        if (algorithm != Algorithm.BC) {
            throw new IllegalArgumentException("algorithm: expected bc (replays cannot be played back for rollouts;"
                    + " the minigame domains train gail and rail), found " + algorithm.id());
        }
        return new BehaviorCloningTrainer(ProductionEvaluation.bcConfig(seed));
    }

    @Override
    public int defaultIterations(Algorithm algorithm) {
        return 0;
    }
}
