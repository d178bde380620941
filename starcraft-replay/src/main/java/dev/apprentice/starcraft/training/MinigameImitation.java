package dev.apprentice.starcraft.training;

import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import dev.apprentice.starcraft.minigame.MinigameFeatures;
import dev.apprentice.service.domain.Algorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Imitation of the minigames' scripted experts by BC, GAIL and RAIL ({@link MinigameRecipes}, as the
 * service trains them), judged by normalised score on held-out seeds (0 = random actions, 1 = the expert).
 * Demonstration seeds start at 0, evaluation seeds at 1000.
 *
 * <pre>
 * minigames [--episodes 40] [--evaluation-episodes 10] [--seed 1] [--algorithms bc,gail,rail]
 *           [--minigames move-to-beacon,collect-mineral-shards,defeat-roaches] [--iterations N]
 * </pre>
 */
public final class MinigameImitation {
    /** The first evaluation seed: far from the demonstrations' seeds 0, 1, 2, … */
    public static final long EVALUATION_SEED = 1000;

    private static final MinigameFeatures FEATURES = new MinigameFeatures();

    private MinigameImitation() {
    }

    /**
     * The behaviour-cloning settings for minigame policies: the coordinates must be copied to within a cell
     * (a click misses beyond 1.5 cells, a shard is collected within 0.9), which takes a wide network trained
     * long; smaller or shorter ones measured 0.75 on CollectMineralShards.
     */
    public static BcConfig bcConfig(long seed) {
        return BcConfig.builder().hiddenSizes(256, 256).activation(Activation.RELU).epochs(300).patience(40)
                .seed(seed).build();
    }

    /**
     * @param minigame  the minigame
     * @param episodes  expert episodes to learn from (seeds 0 … episodes − 1)
     * @param collector runs the episodes
     * @param seed      the training seed
     * @return the behaviour-cloned policy, acting on {@link MinigameFeatures}
     */
    public static Policy cloneExpert(Minigame minigame, int episodes, RolloutCollector collector, long seed) {
        return train(minigame, Algorithm.BC, episodes, collector, seed, 0, progress -> { });
    }

    /**
     * Trains as the service's jobs do: the recipe's trainer on the features of the expert's episodes.
     *
     * @param iterations GAIL/RAIL iterations, or 0 for the recipe's default
     * @return the policy, acting on {@link MinigameFeatures}
     */
    public static Policy train(Minigame minigame, Algorithm algorithm, int episodes, RolloutCollector collector,
            long seed, int iterations, TrainingListener listener) {
        DemonstrationSet raw = collector.demonstrations(minigame.environments(), minigame.expert(),
                RolloutCollector.seeds(0, episodes));
        MinigameRecipes recipes = new MinigameRecipes(minigame);
        return recipes.trainer(algorithm, seed, collector.threads(), iterations).train(recipes.task(raw), listener)
                .policy();
    }
    /**
     * @return an evaluator on held-out seeds that feeds policies {@link MinigameFeatures}
     */
    public static Evaluator evaluator(Minigame minigame, int episodes, RolloutCollector collector) {
        return new Evaluator(collector, minigame.environments(), minigame.expert(),
                RolloutCollector.seeds(EVALUATION_SEED, episodes), FEATURES);
    }

    /** @param args the command line */
    public static void main(String[] args) {
        int episodes = 40;
        int evaluationEpisodes = 10;
        long seed = 1;
        int iterations = 0;
        List<Algorithm> algorithms = List.of(Algorithm.BC);
        List<Minigame> minigames = List.of(Minigame.values());
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--episodes" -> episodes = Integer.parseInt(args[i + 1]);
                case "--evaluation-episodes" -> evaluationEpisodes = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--algorithms" -> algorithms = Arrays.stream(args[i + 1].split(","))
                        .map(a -> Algorithm.byId(a).orElseThrow(() -> new IllegalArgumentException("unknown algorithm " + a)))
                        .toList();
                case "--minigames" -> minigames = Arrays.stream(args[i + 1].split(",")).map(Minigame::byId).toList();
                default -> {
                    System.err.println("usage: minigames [--episodes 40] [--evaluation-episodes 10] [--seed 1]"
                            + " [--algorithms bc,gail,rail] [--minigames move-to-beacon,...] [--iterations N]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d expert episodes per minigame, %d held-out seeds from %d, seed %d%n%n",
                episodes, evaluationEpisodes, EVALUATION_SEED, seed);
        System.out.println("| minigame | algorithm | expert | random | learned | normalised | action agreement | seconds |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        try (RolloutCollector collector = new RolloutCollector(2, MinigameEnvironment.EPISODE_STEPS + 1)) {
            for (Minigame minigame : minigames) {
                Evaluator evaluator = evaluator(minigame, evaluationEpisodes, collector);
                for (Algorithm algorithm : algorithms) {
                    long start = System.nanoTime();
                    Policy policy = train(minigame, algorithm, episodes, collector, seed, iterations, progress -> {
                        if (!progress.metrics().isEmpty()) {
                            System.err.printf(Locale.ROOT, "%s %s iteration %d: %s%n", minigame.id(), algorithm.id(),
                                    progress.iteration(), progress.metrics());
                        }
                    });
                    EvaluationResult result = evaluator.evaluate(algorithm.id(), policy);
                    System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.3f | %.3f | %.0f |%n",
                            minigame.pysc2MapName(), algorithm.id(), evaluator.expertStatistics().meanReturn(),
                            evaluator.randomStatistics().meanReturn(), result.episodes().meanReturn(),
                            result.normalizedReturn(), result.actionAgreement(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }
}
