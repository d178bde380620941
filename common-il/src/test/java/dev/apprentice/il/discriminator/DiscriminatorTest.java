package dev.apprentice.il.discriminator;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.il.spaces.Box;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The discriminator learns to tell the expert from a random policy, and behaves as GAIL and RAIL need it to. */
class DiscriminatorTest {

    private static RolloutCollector collector;
    private static DemonstrationSet cartPoleExpert;
    private static DemonstrationSet cartPoleRandom;
    private static DemonstrationSet heldOutCartPoleExpert;
    private static DemonstrationSet heldOutCartPoleRandom;

    @BeforeAll
    static void collectData() {
        collector = new RolloutCollector(2, 100_000);
        ReferenceTask task = ReferenceTask.CARTPOLE;
        UniformRandomActor random = new UniformRandomActor(task.environments().get().actionSpace());
        cartPoleExpert = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(1, 10));
        cartPoleRandom = collector.demonstrations(task.environments(), random, RolloutCollector.seeds(100, 40));
        heldOutCartPoleExpert = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(10_000, 5));
        heldOutCartPoleRandom = collector.demonstrations(task.environments(), random, RolloutCollector.seeds(20_000, 40));
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    private static DiscriminatorConfig.Builder quick(DiscriminatorObjective objective) {
        return DiscriminatorConfig.builder().objective(objective).learningRate(1e-3).batchSize(64).updatesPerIteration(1);
    }

    private static void train(Discriminator d, DemonstrationSet expert, DemonstrationSet generated, int iterations) {
        for (int i = 0; i < iterations; i++) {
            d.train(expert, generated, new SplittableRandom(i));
        }
    }

    @ParameterizedTest
    @EnumSource(DiscriminatorObjective.class)
    void separatesHeldOutCartPoleExpertFromUniformRandomPolicy(DiscriminatorObjective objective) {
        // given
        Discriminator d = Discriminator.forExpert(cartPoleExpert, quick(objective).build(), 1);
        // when
        train(d, cartPoleExpert, cartPoleRandom, 300);
        DiscriminatorMetrics heldOut = d.evaluate(heldOutCartPoleExpert, heldOutCartPoleRandom);
        // then
        assertTrue(heldOut.expertAccuracy() >= 0.9, "expert accuracy " + heldOut);
        assertTrue(heldOut.generatedAccuracy() >= 0.9, "generated accuracy " + heldOut);
    }

    @Test
    void usesTheActionToSeparateExpertFromUniformRandomActionsInTheSameStates() {
        // given: Pendulum states visited by the expert, labelled once with the expert's action and once at random
        ReferenceTask task = ReferenceTask.PENDULUM;
        Box actions = (Box) task.environments().get().actionSpace();
        DemonstrationSet expert = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(1, 10));
        DemonstrationSet heldOut = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(10_000, 5));
        Discriminator d = Discriminator.forExpert(expert, quick(DiscriminatorObjective.GAN).build(), 2);
        // when
        train(d, expert, randomlyRelabelled(expert, actions, 3), 1500);
        DiscriminatorMetrics metrics = d.evaluate(heldOut, randomlyRelabelled(heldOut, actions, 4));
        // then
        assertTrue(metrics.accuracy() >= 0.9, "balanced accuracy " + metrics);
    }

    private static DemonstrationSet randomlyRelabelled(DemonstrationSet set, Box actions, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Trajectory> episodes = new ArrayList<>();
        int start = 0;
        for (int e = 0; e < set.episodeCount(); e++) {
            int length = set.episodeLength(e);
            List<float[]> states = new ArrayList<>();
            List<float[]> randomActions = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                states.add(set.state(start + t));
                randomActions.add(actions.sample(rng));
            }
            states.add(set.state(start + length - 1));
            episodes.add(Trajectory.of(states, randomActions, new float[length], false));
            start += length;
        }
        return DemonstrationSet.fromTrajectories(set.stateSpace(), set.actionSpace(), episodes);
    }

    @ParameterizedTest
    @EnumSource(RewardForm.class)
    void rewardRisesWithTheProbabilityOfBeingTheExpert(RewardForm form) {
        // given
        Discriminator d = Discriminator.forExpert(cartPoleExpert, quick(DiscriminatorObjective.GAN).rewardForm(form).build(), 5);
        train(d, cartPoleExpert, cartPoleRandom, 200);
        DiscriminatorReward reward = d.reward();
        // when: every pair of pairs, ordered by D
        List<double[]> byProbability = new ArrayList<>();
        for (int i = 0; i < heldOutCartPoleRandom.size(); i += 10) {
            float[] s = heldOutCartPoleRandom.state(i);
            float[] a = heldOutCartPoleRandom.action(i);
            byProbability.add(new double[] {reward.probabilityExpert(s, a), reward.reward(s, a)});
        }
        byProbability.sort((x, y) -> Double.compare(x[0], y[0]));
        // then
        for (int i = 1; i < byProbability.size(); i++) {
            assertTrue(byProbability.get(i)[1] >= byProbability.get(i - 1)[1], "reward falls while D rises at " + i);
        }
        if (form == RewardForm.MINUS_LOG_ONE_MINUS_D) {
            assertTrue(byProbability.get(0)[1] > 0, "−log(1 − D) is positive");
        }
    }

    @Test
    void rewardFormsFollowTheirFormulasForBothObjectives() {
        for (DiscriminatorObjective objective : DiscriminatorObjective.values()) {
            double y = objective == DiscriminatorObjective.GAN ? 0.7 : 0.3;
            double d = DiscriminatorReward.probability(objective, y);
            assertEquals(-Math.log(1 - d), DiscriminatorReward.reward(objective, RewardForm.MINUS_LOG_ONE_MINUS_D, y), 1e-9);
            assertEquals(Math.log(d) - Math.log(1 - d), DiscriminatorReward.reward(objective, RewardForm.LOG_ODDS, y), 1e-9);
        }
        assertEquals(1 / (1 + Math.exp(-0.7)), DiscriminatorReward.probability(DiscriminatorObjective.GAN, 0.7), 1e-12);
        assertEquals(1 - DiscriminatorReward.LEAST_SQUARES_EPSILON,
                DiscriminatorReward.probability(DiscriminatorObjective.LEAST_SQUARES, 3.0), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(RewardForm.class)
    void episodeRewardsInOneBatchedPassEqualTheStepByStepRewards(RewardForm form) {
        // given
        Discriminator d = Discriminator.forExpert(cartPoleExpert,
                quick(DiscriminatorObjective.LEAST_SQUARES).rewardForm(form).build(), 8);
        train(d, cartPoleExpert, cartPoleRandom, 10);
        DiscriminatorReward reward = d.reward();
        Trajectory episode = collector.collect(ReferenceTask.CARTPOLE.environments(),
                new UniformRandomActor(ReferenceTask.CARTPOLE.environments().get().actionSpace()),
                RolloutCollector.seeds(30_000, 1)).get(0);
        // when
        double[] batched = reward.rewards(episode);
        // then
        assertEquals(episode.length(), batched.length);
        for (int t = 0; t < episode.length(); t++) {
            assertEquals(reward.reward(episode.state(t), episode.action(t)), batched[t], 1e-6, "step " + t);
        }
    }

    @Test
    void rewardSnapshotDoesNotChangeWhenTrainingContinues() {
        // given
        Discriminator d = Discriminator.forExpert(cartPoleExpert, quick(DiscriminatorObjective.GAN).build(), 6);
        DiscriminatorReward before = d.reward();
        float[] s = cartPoleRandom.state(0);
        float[] a = cartPoleRandom.action(0);
        double value = before.reward(s, a);
        // when
        train(d, cartPoleExpert, cartPoleRandom, 20);
        // then
        assertEquals(value, before.reward(s, a), 0.0);
        assertTrue(d.reward().reward(s, a) != value, "a new snapshot sees the trained discriminator");
    }

    @Test
    void gradientPenaltyFlattensTheDiscriminatorAroundTheData() {
        // given
        DiscriminatorConfig plain = quick(DiscriminatorObjective.GAN).build();
        DiscriminatorConfig penalised = plain.toBuilder().gradientPenalty(10).build();
        Discriminator withoutPenalty = Discriminator.forExpert(cartPoleExpert, plain, 7);
        Discriminator withPenalty = Discriminator.forExpert(cartPoleExpert, penalised, 7);
        // when
        train(withoutPenalty, cartPoleExpert, cartPoleRandom, 300);
        train(withPenalty, cartPoleExpert, cartPoleRandom, 300);
        // then: the mean squared slope of the output along the state's first axis is smaller
        double slopeWithout = meanSquaredSlope(withoutPenalty.reward());
        double slopeWith = meanSquaredSlope(withPenalty.reward());
        assertTrue(slopeWith < 0.5 * slopeWithout, "penalised " + slopeWith + " vs plain " + slopeWithout);
        assertTrue(withPenalty.evaluate(heldOutCartPoleExpert, heldOutCartPoleRandom).accuracy() >= 0.8,
                "the penalised discriminator still separates the data");
    }

    private static double meanSquaredSlope(DiscriminatorReward reward) {
        double sum = 0;
        int n = 0;
        for (DemonstrationSet set : List.of(heldOutCartPoleExpert, heldOutCartPoleRandom)) {
            for (int i = 0; i < set.size(); i += 5) {
                float[] s = set.state(i);
                float[] a = set.action(i);
                for (int j = 0; j < s.length; j++) {
                    float[] up = s.clone();
                    float[] down = s.clone();
                    up[j] += 0.01f;
                    down[j] -= 0.01f;
                    double slope = (reward.output(up, a) - reward.output(down, a)) / 0.02;
                    sum += slope * slope;
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void checkpointRestoresTheSameDiscriminatorAndItsOptimiserState(@TempDir Path dir) {
        // given
        DiscriminatorConfig config = quick(DiscriminatorObjective.LEAST_SQUARES).build();
        Discriminator original = Discriminator.forExpert(cartPoleExpert, config, 8);
        train(original, cartPoleExpert, cartPoleRandom, 10);
        TrainerConfig owner = new TrainerConfig() {
            @Override
            public Map<String, Object> toMap() {
                return Map.of("seed", 8L);
            }

            @Override
            public long seed() {
                return 8;
            }
        };
        Checkpoint checkpoint = Checkpoint.of("test", 10, owner, "hash");
        original.saveTo(checkpoint, "disc");
        checkpoint.save(dir);
        // when
        Discriminator restored = Discriminator.restore(Checkpoint.load(dir, "test", owner, "hash").orElseThrow(), "disc",
                cartPoleExpert.stateSpace(), cartPoleExpert.actionSpace(), config);
        DiscriminatorMetrics a = original.train(cartPoleExpert, cartPoleRandom, new SplittableRandom(99));
        DiscriminatorMetrics b = restored.train(cartPoleExpert, cartPoleRandom, new SplittableRandom(99));
        // then
        assertEquals(a, b);
        float[] s = cartPoleRandom.state(3);
        float[] act = cartPoleRandom.action(3);
        assertEquals(original.reward().output(s, act), restored.reward().output(s, act), 0.0);
    }

    @Test
    void rejectsPairsFromOtherSpaces() {
        Discriminator d = Discriminator.forExpert(cartPoleExpert, DiscriminatorConfig.defaults(), 9);
        ReferenceTask pendulum = ReferenceTask.PENDULUM;
        DemonstrationSet other = collector.demonstrations(pendulum.environments(), pendulum.expert(), RolloutCollector.seeds(1, 1));
        assertRejected(() -> d.train(cartPoleExpert, other, new SplittableRandom(1)), "generated pairs", "expected states");
        assertRejected(() -> d.evaluate(other, cartPoleRandom), "expert pairs");
    }

    @Test
    void rejectsInvalidSettingsNamingThem() {
        assertRejected(() -> DiscriminatorConfig.builder().hiddenSizes().build(), "discriminator.hiddenSizes");
        assertRejected(() -> DiscriminatorConfig.builder().learningRate(0).build(), "discriminator.learningRate", "> 0");
        assertRejected(() -> DiscriminatorConfig.builder().batchSize(0).build(), "discriminator.batchSize");
        assertRejected(() -> DiscriminatorConfig.builder().updatesPerIteration(0).build(),
                "discriminator.updatesPerIteration");
        assertRejected(() -> DiscriminatorConfig.builder().gradientPenalty(-1).build(), "discriminator.gradientPenalty");
        assertRejected(() -> DiscriminatorConfig.builder().objective(null).build(), "discriminator.objective");
    }
}
