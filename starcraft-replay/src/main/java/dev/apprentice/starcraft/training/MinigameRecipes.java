package dev.apprentice.starcraft.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.algorithms.gail.GailConfig;
import dev.apprentice.il.algorithms.gail.GailTrainer;
import dev.apprentice.il.algorithms.rail.RailConfig;
import dev.apprentice.il.algorithms.rail.RailTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.EncodedEnvironment;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.TrainingRecipes;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameFeatures;
import java.util.List;

/**
 * How one minigame's policies are learned by the service's training jobs: on {@link MinigameFeatures}
 * of the stored feature layers, BC with {@link MinigameImitation#bcConfig}, GAIL and RAIL started from
 * behaviour cloning and then improved by rollouts in the minigame simulator.
 */
public final class MinigameRecipes implements TrainingRecipes {

    /** The algorithms offered, in the order automatic training uses. */
    public static final List<Algorithm> ALGORITHMS = List.of(Algorithm.BC, Algorithm.GAIL, Algorithm.RAIL);
    /** GAIL iterations when none are asked for. */
    static final int GAIL_ITERATIONS = 20;
    /** RAIL iterations when none are asked for. */
    static final int RAIL_ITERATIONS = 40;

    private static final MinigameFeatures FEATURES = new MinigameFeatures();

    private final Minigame minigame;

    /** @param minigame the minigame */
    public MinigameRecipes(Minigame minigame) {
        this.minigame = minigame;
    }

    /** The policies' feature map (21 values from the 5,643 of the layers). */
    public static MinigameFeatures features() {
        return FEATURES;
    }

    @Override
    public List<Algorithm> algorithms() {
        return ALGORITHMS;
    }

    /** The features of the raw demonstrations, and the minigame seen through the same features to roll out in. */
    @Override
    public ImitationTask task(DemonstrationSet rawDemonstrations) {
        return ImitationTask.of(rawDemonstrations.mapStates(FEATURES.outputSpace(), FEATURES::encode))
                .withEnvironments(EncodedEnvironment.wrap(minigame::environment, FEATURES));
    }

    /** @throws IllegalArgumentException for an algorithm not in {@link #ALGORITHMS} */
    @Override
    public Trainer trainer(Algorithm algorithm, long seed, int threads, int iterations) {
        int budget = iterations > 0 ? iterations : defaultIterations(algorithm);
        return switch (algorithm) {
            case BC -> new BehaviorCloningTrainer(MinigameImitation.bcConfig(seed));
            case GAIL -> new GailTrainer(gailConfig(seed, budget), threads);
            case RAIL -> new RailTrainer(railConfig(seed, threads, budget));
            case DAGGER -> throw new IllegalArgumentException("algorithm: expected one of " + ALGORITHMS
                    + ", found dagger");
        };
    }

    @Override
    public int defaultIterations(Algorithm algorithm) {
        return switch (algorithm) {
            case GAIL -> GAIL_ITERATIONS;
            case RAIL -> RAIL_ITERATIONS;
            default -> 0;
        };
    }

    /**
     * GAIL for minigames: the policy network as wide as BC's (2×256 ReLU), warm-started by 300 epochs of
     * behaviour cloning, so the adversarial phase starts where cloning ends; a low policy learning rate
     * keeps PPO from undoing the coordinates cloning learned.
     */
    static GailConfig gailConfig(long seed, int iterations) {
        return GailConfig.builder().seed(seed).iterations(iterations).policyHiddenSizes(256, 256)
                .activation(Activation.RELU).warmStartEpochs(300).policyLearningRate(1e-4).build();
    }

    /** RAIL for minigames: an affine policy warm-started by regression on the expert pairs, then ARS. */
    static RailConfig railConfig(long seed, int threads, int iterations) {
        return RailConfig.builder().seed(seed).threads(threads).iterations(iterations).intercept(true)
                .warmStartEpochs(2000).noise(0.02).stepSize(0.01).build();
    }
}
