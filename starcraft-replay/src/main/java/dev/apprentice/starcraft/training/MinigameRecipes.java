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
    /** GAIL iterations when none are asked for: those {@link #gailConfig} was measured with. */
    static final int GAIL_ITERATIONS = 20;
    /** RAIL iterations when none are asked for: those {@link #railConfig} was measured with. */
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
            default -> throw new IllegalArgumentException("algorithm: expected one of " + ALGORITHMS
                    + ", found " + algorithm.id());
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
     * behaviour cloning, so the adversarial phase starts where cloning ends, then PPO at a policy learning
     * rate of 1e-5, a tenth of PPO's usual step, so that it does not undo the coordinates cloning learned.
     *
     * <p>Cloning leaves a narrow Gaussian (log-std about −3.5 in every dimension, a click's spread about a
     * cell), and Adam moves each weight by about the learning rate whatever the gradient: at 1e-4 the first
     * epoch of the first iteration already moved the policy by a KL of 3.5 ({@code approx_kl}), the surrogate
     * loss grew from 0.1 to over 100 by iteration 13, and MoveToBeacon's greedy moves drifted 8 cells (x plus
     * y) from the beacon: score 3.1, normalised 0.114, after 20 iterations, where the first iteration's policy
     * scored 0.996. A smaller clip range did not help (0.05: 0.377), since the pessimistic branch of the
     * clipped objective keeps pulling ratios that have already left the range. At 1e-5 an iteration mostly
     * moves the policy by a KL of 0.02–0.13. The value network is separate from the policy and starts
     * untrained (value loss 195 in the first iteration, 12 by the sixth), so the first iterations' advantages
     * are mostly its error; at this rate they move the policy little.
     *
     * <p>Measured with 10 expert episodes, 20 iterations, training seeds 1–3, 10 held-out seeds: MoveToBeacon
     * 1.000, 1.000, 0.996 in 40–41 s; DefeatRoaches 0.865, 0.933, 0.978 in 18–23 s (2 threads). On
     * CollectMineralShards (0.645, 0.477, 0.319 in 42–47 s) the warm start is what falls short: ten episodes
     * hold ten states with nothing selected (each episode's first), the network's click there lands up to
     * five cells from the marine, and a greedy policy that misses sees the same features again and clicks the
     * same place for the rest of the episode (BC alone scores 0.184 from ten episodes, GAIL's warm start
     * 0.183). The adversarial phase raises it, but cannot teach a click it never sees made right. From 40
     * episodes GAIL scored 0.985 (seed 1) in 119 s, most of it the warm start; BC alone from 40 episodes
     * scores 0.954, 0.899 and 0.556 on seeds 1–3, so the network's clicks, not the adversarial phase, decide.
     */
    static GailConfig gailConfig(long seed, int iterations) {
        return GailConfig.builder().seed(seed).iterations(iterations).policyHiddenSizes(256, 256)
                .activation(Activation.RELU).warmStartEpochs(300).policyLearningRate(1e-5).build();
    }

    /**
     * RAIL for minigames: an affine policy warm-started by 2,000 epochs of regression on the expert pairs,
     * then ARS with exploration noise 0.0005 and step 0.0002 on the expert states' fixed statistics.
     *
     * <p>The expert is affine in {@link MinigameFeatures} (each coordinate slot copies a feature, each function
     * score is a sum of flags), and the warm start alone matches it on held-out seeds 1000–1009 (10 expert
     * episodes: MoveToBeacon 24.0 = 1.000, CollectMineralShards 81.4 = 1.004, DefeatRoaches 47.5 = 0.978;
     * the six scores never tie at +1 under the policy's clipping). Two things undid it:
     * <ul>
     *   <li>The search's noise. A click or a move must land within a cell, 1/64 of the screen, while θ + νδ
     *       moves each output by about ν times the norm of the normalised features: ν = 0.02 put MoveToBeacon's
     *       moves 8 cells (x plus y) from the beacon on average after one iteration, and the steps of 0.01
     *       compounded it (score 0 after 40 iterations, every action a move, even with nothing selected).
     *       Of six policies perturbed from the warm start, ν = 0.005 left one at 2.1 of 24, ν = 0.001 none
     *       below 23.9.
     *   <li>ARS V2's running statistics. Each iteration re-normalises the features by the moments of the
     *       rollouts, which moves every output of the fitted θ; on CollectMineralShards the mean of
     *       "an unselected marine is idle" drifted from 0.25 to 0.44 within seven iterations (a policy that
     *       waits more makes it commoner), shifting the no-op against select-point scores by 0.4–0.9 until
     *       the policy only waited: 0 shards after 40 iterations at every noise tried, against 80–85 with the
     *       statistics kept ({@link RailConfig.Builder#updateObservationStatistics}).
     * </ul>
     * Measured with 10 expert episodes, 40 iterations, training seeds 1–3, 10 held-out seeds: MoveToBeacon
     * 1.000 each, CollectMineralShards 1.022, 1.038, 0.993, DefeatRoaches 0.978 each, in 4–21 s (2 threads).
     * ν = 0.001 with step 0.0005 gave 0.953–0.992 on CollectMineralShards, ν = 0.002 with 0.001 0.882–1.031.
     * The discriminator's reward cannot tell a cell's error apart any better than that, so the search mostly
     * keeps what the warm start found.
     */
    static RailConfig railConfig(long seed, int threads, int iterations) {
        return RailConfig.builder().seed(seed).threads(threads).iterations(iterations).intercept(true)
                .warmStartEpochs(2000).noise(0.0005).stepSize(0.0002).updateObservationStatistics(false).build();
    }
}
