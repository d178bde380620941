package dev.apprentice.il.report;

import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.algorithms.dagger.DaggerConfig;
import dev.apprentice.il.algorithms.dagger.DaggerTrainer;
import dev.apprentice.il.algorithms.gail.GailConfig;
import dev.apprentice.il.algorithms.gail.GailTrainer;
import dev.apprentice.il.algorithms.rail.RailConfig;
import dev.apprentice.il.algorithms.rail.RailTrainer;
import dev.apprentice.il.env.reference.ReferenceTask;
import java.util.List;

/**
 * The settings each algorithm is run with on each reference environment, in one place, so that
 * the CLI, the report and the tests train the same way. Budgets are those the learning tests
 * measured as sufficient; everything else is the algorithm's documented default.
 */
public final class ReferenceRecipes {

    /** Algorithm names, in the order reports list them. */
    public static final List<String> ALGORITHMS = List.of("bc", "dagger", "gail", "rail");

    private ReferenceRecipes() {
    }

    /**
     * A trainer for one algorithm on one reference task.
     *
     * @param threads rollout threads for the algorithms that interact (results do not depend on it)
     * @throws IllegalArgumentException for an unknown algorithm name
     */
    public static Trainer trainer(String algorithm, ReferenceTask task, long seed, int threads) {
        boolean pendulum = task == ReferenceTask.PENDULUM;
        return switch (algorithm) {
            case "bc" -> new BehaviorCloningTrainer(BcConfig.builder().seed(seed).build());
            // DAgger: a few short rounds; BC at batch 256 keeps retraining on the growing aggregate fast.
            case "dagger" -> new DaggerTrainer(DaggerConfig.builder().seed(seed).rounds(4).episodesPerRound(4)
                    .rolloutThreads(threads).bc(BcConfig.builder().batchSize(256).epochs(100).build()).build());
            // GAIL: CartPole is learned within 5 iterations; Pendulum's swing-up needs far more
            // interaction than a report can afford, so it starts from BC (see GailLearningTest).
            case "gail" -> new GailTrainer(pendulum
                    ? GailConfig.builder().seed(seed).iterations(30).warmStartEpochs(100).build()
                    : GailConfig.builder().seed(seed).iterations(15).build(), threads);
            case "rail" -> new RailTrainer(RailConfig.builder().seed(seed).threads(threads)
                    .iterations(pendulum ? 150 : 40).build());
            default -> throw new IllegalArgumentException("algorithm: expected one of " + ALGORITHMS + ", found '"
                    + algorithm + "'");
        };
    }
}
