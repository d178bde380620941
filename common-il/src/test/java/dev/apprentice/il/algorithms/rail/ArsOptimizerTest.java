package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.discriminator.RewardFunction;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.registry.PolicyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optimiser alone, with rewards whose optimum is known: ARS must solve the reference tasks
 * with their own rewards, apply the update formula of Mania, Guy and Recht (2018) exactly, and
 * give the same parameters whatever the thread count.
 */
class ArsOptimizerTest {

    private static final long[] EVALUATION_SEEDS = RolloutCollector.seeds(10_000, 50);
    /** CartPole's own reward: 1 for every step taken. */
    private static final RewardFunction CARTPOLE_REWARD = (state, action) -> 1.0;
    /** The continuous identity task's own reward: −‖a − s‖². */
    private static final RewardFunction IDENTITY_REWARD = (state, action) -> {
        double sq = 0;
        for (int i = 0; i < action.length; i++) {
            double d = action[i] - state[i];
            sq += d * d;
        }
        return -sq;
    };
    /** A reward that depends on every state component, so that rounding differences would show. */
    private static final RewardFunction SHAPED_CARTPOLE_REWARD = (s, a) -> 1.0 - s[0] * s[0] - 0.1 * s[1] * s[1]
            - 10 * s[2] * s[2] - 0.1 * s[3] * s[3] + 0.01 * a[0];
    private static RolloutCollector collector;

    @BeforeAll
    static void startCollector() {
        collector = new RolloutCollector(2, 100_000);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    private static Evaluator evaluator(ReferenceTask task) {
        return new Evaluator(collector, task.environments(), task.expert(), EVALUATION_SEEDS);
    }

    private static void run(ArsOptimizer ars, int from, int to, RewardFunction reward) {
        for (int it = from; it <= to; it++) {
            ars.step(it, reward);
        }
    }

    @Test
    void arsWithCartPolesOwnRewardTakesALinearPolicyFromFailingToTheExpertsReturn() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        Evaluator evaluator = evaluator(task);
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().seed(1).build(), task.environments(), 100_000)) {
            EvaluationResult before = evaluator.evaluate("ars", ars.policy());

            // when
            run(ars, 1, 30, CARTPOLE_REWARD);
            EvaluationResult after = evaluator.evaluate("ars", ars.policy());

            // then
            assertTrue(ars.policy() instanceof LinearPolicy, "the default policy is linear");
            assertTrue(before.normalizedReturn() < 0.1, "M = 0 always pushes left: " + before.normalizedReturn());
            assertTrue(after.normalizedReturn() >= 0.9, "normalised return " + after.normalizedReturn());
        }
    }

    @Test
    void arsWithAnMlpPolicySolvesCartPoleWithItsOwnReward() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        ArsConfig config = ArsConfig.builder().policyType(ArsConfig.PolicyType.MLP).hiddenSizes(8).seed(2).build();
        try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
            // when
            run(ars, 1, 30, CARTPOLE_REWARD);

            // then
            double normalized = evaluator(task).evaluate("ars-mlp", ars.policy()).normalizedReturn();
            assertTrue(normalized >= 0.9, "normalised return " + normalized);
        }
    }

    @Test
    void arsLearnsTheContinuousIdentityMapWithClippedLinearActions() {
        // given
        ReferenceTask task = ReferenceTask.IDENTITY_CONTINUOUS;
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().seed(3).build(), task.environments(), 100_000)) {
            // when
            run(ars, 1, 40, IDENTITY_REWARD);

            // then
            double normalized = evaluator(task).evaluate("ars", ars.policy()).normalizedReturn();
            assertTrue(normalized >= 0.9, "normalised return " + normalized);
        }
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalParametersStatisticsAndReturns() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        List<ArsState> states = new ArrayList<>();
        List<List<ArsIteration>> histories = new ArrayList<>();
        List<byte[]> policies = new ArrayList<>();

        // when
        for (int threads : new int[] {1, 2}) {
            ArsConfig config = ArsConfig.builder().threads(threads).rolloutsPerDirection(2).directions(8).seed(4).build();
            try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
                List<ArsIteration> history = new ArrayList<>();
                for (int it = 1; it <= 6; it++) {
                    history.add(ars.step(it, SHAPED_CARTPOLE_REWARD));
                }
                states.add(ars.state());
                histories.add(history);
                policies.add(PolicyCodec.encode(ars.policy()));
            }
        }

        // then
        assertArrayEquals(states.get(0).parameters(), states.get(1).parameters(), 0.0);
        assertEquals(states.get(0).observationCount(), states.get(1).observationCount());
        assertArrayEquals(states.get(0).observationMean(), states.get(1).observationMean(), 0.0);
        assertArrayEquals(states.get(0).observationM2(), states.get(1).observationM2(), 0.0);
        assertArrayEquals(policies.get(0), policies.get(1));
        for (int i = 0; i < 6; i++) {
            assertEquals(histories.get(0).get(i).meanReturn(), histories.get(1).get(i).meanReturn(), 0.0);
            assertEquals(histories.get(0).get(i).topReturnStd(), histories.get(1).get(i).topReturnStd(), 0.0);
        }
        assertNotEquals(0.0, states.get(0).parameters()[0], "the parameters moved");
    }

    @Test
    void restoringTheStateOfIterationThreeContinuesExactlyAsTheUninterruptedRun() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        ArsConfig config = ArsConfig.builder().seed(5).build();
        ArsState uninterrupted;
        ArsState midway;
        try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
            run(ars, 1, 3, SHAPED_CARTPOLE_REWARD);
            midway = ars.state();
            run(ars, 4, 6, SHAPED_CARTPOLE_REWARD);
            uninterrupted = ars.state();
        }

        // when
        ArsState resumed;
        try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
            ars.restore(midway);
            run(ars, 4, 6, SHAPED_CARTPOLE_REWARD);
            resumed = ars.state();
        }

        // then
        assertArrayEquals(uninterrupted.parameters(), resumed.parameters(), 0.0);
        assertArrayEquals(uninterrupted.observationM2(), resumed.observationM2(), 0.0);
    }

    @Test
    void updateIsTheTopDirectionsReturnDifferencesTimesTheirDirectionsScaledByStepSizeOverBTimesSigma() {
        // given: θ₀ = 0, N = 4 directions, b = 2, one episode each, on the continuous identity task
        ReferenceTask task = ReferenceTask.IDENTITY_CONTINUOUS;
        ArsConfig config = ArsConfig.builder().directions(4).topDirections(2).stepSize(0.05).noise(0.1).seed(6).build();
        try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
            int p = ars.parameterCount();

            // when
            ArsIteration iteration = ars.step(1, IDENTITY_REWARD);

            // then: recompute r±, the ranking, σ_R and the step from the recorded episodes
            double[] plus = new double[4];
            double[] minus = new double[4];
            double[][] delta = new double[4][p];
            for (int k = 0; k < 4; k++) {
                plus[k] = rewardReturn(iteration.rollouts().get(2 * k), IDENTITY_REWARD);
                minus[k] = rewardReturn(iteration.rollouts().get(2 * k + 1), IDENTITY_REWARD);
                SplittableRandom rng = IterationSeeds.random(6, 1, k);
                rng.nextLong();
                for (int i = 0; i < p; i++) {
                    delta[k][i] = rng.nextGaussian();
                }
            }
            Integer[] order = {0, 1, 2, 3};
            java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.max(plus[b], minus[b]), Math.max(plus[a], minus[a])));
            double[] used = {plus[order[0]], minus[order[0]], plus[order[1]], minus[order[1]]};
            double mean = (used[0] + used[1] + used[2] + used[3]) / 4;
            double variance = 0;
            for (double r : used) {
                variance += (r - mean) * (r - mean) / 4;
            }
            double sigma = Math.sqrt(variance);
            double[] expected = new double[p];
            for (int r = 0; r < 2; r++) {
                int k = order[r];
                for (int i = 0; i < p; i++) {
                    expected[i] += 0.05 / (2 * sigma) * (plus[k] - minus[k]) * delta[k][i];
                }
            }
            assertEquals(sigma, iteration.topReturnStd(), 1e-12);
            assertArrayEquals(expected, ars.state().parameters(), 1e-9);
        }
    }

    @Test
    void bothSignsOfADirectionRunOnTheSameEpisodeSeedWhileDirectionsDiffer() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().directions(3).seed(7).build(), task.environments(),
                100_000)) {
            // when
            List<Trajectory> rollouts = ars.step(1, CARTPOLE_REWARD).rollouts();

            // then
            assertEquals(6, rollouts.size());
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(rollouts.get(2 * k).state(0), rollouts.get(2 * k + 1).state(0), "direction " + k);
            }
            assertNotEquals(rollouts.get(0).state(0)[0], rollouts.get(2).state(0)[0]);
        }
    }

    @Test
    void observationStatisticsAreTheMeanOfEveryDecisionStateOfTheIterationsEpisodes() {
        // given
        ReferenceTask task = ReferenceTask.CARTPOLE;
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().seed(8).build(), task.environments(), 100_000)) {
            // when
            ArsIteration iteration = ars.step(1, CARTPOLE_REWARD);

            // then
            double[] sum = new double[4];
            long count = 0;
            for (Trajectory t : iteration.rollouts()) {
                for (int step = 0; step < t.length(); step++) {
                    float[] s = t.state(step);
                    for (int j = 0; j < 4; j++) {
                        sum[j] += s[j];
                    }
                    count++;
                }
            }
            ArsState state = ars.state();
            assertEquals(count, state.observationCount());
            assertEquals(iteration.environmentSteps(), count);
            for (int j = 0; j < 4; j++) {
                assertEquals(sum[j] / count, state.observationMean()[j], 1e-9);
            }
        }
    }

    @Test
    void withoutStatisticUpdatesTheStatisticsStayThoseRestoredWhileTheParametersMove() {
        // given: statistics as a warm start leaves them
        ReferenceTask task = ReferenceTask.CARTPOLE;
        ArsConfig config = ArsConfig.builder().seed(8).updateObservationStatistics(false).build();
        try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
            double[] mean = {0.1, -0.2, 0.01, 0.3};
            double[] m2 = {400, 900, 25, 1600};
            ars.restore(new ArsState(new double[ars.parameterCount()], 100, mean, m2));

            // when
            run(ars, 1, 3, SHAPED_CARTPOLE_REWARD);

            // then
            ArsState state = ars.state();
            assertEquals(100, state.observationCount());
            assertArrayEquals(mean, state.observationMean(), 0.0);
            assertArrayEquals(m2, state.observationM2(), 0.0);
            assertNotEquals(0.0, java.util.Arrays.stream(state.parameters()).map(Math::abs).sum());
            float[] std = ((LinearPolicy) ars.policy()).normalizer().std();
            assertEquals(2f, std[0], 1e-6f);
            assertEquals(0.5f, std[2], 1e-6f);
        }
    }

    @Test
    void withoutStatisticUpdatesAFreshSearchNormalisesNothing() {
        // ARS V1: no statistics to start from, none gathered
        ReferenceTask task = ReferenceTask.CARTPOLE;
        ArsConfig config = ArsConfig.builder().seed(8).updateObservationStatistics(false).build();
        try (ArsOptimizer ars = new ArsOptimizer(config, task.environments(), 100_000)) {
            ars.step(1, CARTPOLE_REWARD);

            assertEquals(0, ars.state().observationCount());
            assertArrayEquals(new float[] {1, 1, 1, 1}, ((LinearPolicy) ars.policy()).normalizer().std(), 0f);
        }
    }

    @Test
    void equalReturnsForEveryDirectionLeaveTheParametersUnchanged() {
        // given: identity episodes always last 20 steps, so a constant reward gives every direction the same return
        ReferenceTask task = ReferenceTask.IDENTITY_DISCRETE;
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().seed(9).build(), task.environments(), 100_000)) {
            // when
            ArsIteration iteration = ars.step(1, (s, a) -> 1.0);

            // then
            assertEquals(0.0, iteration.topReturnStd());
            assertArrayEquals(new double[ars.parameterCount()], ars.state().parameters(), 0.0);
        }
    }

    @Test
    void aNonFiniteRewardStopsTheIterationNamingTheValue() {
        ReferenceTask task = ReferenceTask.CARTPOLE;
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().build(), task.environments(), 100_000)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ars.step(1, (s, a) -> Double.NaN));

            assertTrue(e.getMessage().contains("reward function returned NaN"), e.getMessage());
        }
    }

    @Test
    void rejectsIterationZeroAStateOfAnotherShapeAndAnEpisodeLongerThanTheLimit() {
        ReferenceTask task = ReferenceTask.CARTPOLE;
        try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().build(), task.environments(), 100)) {
            assertRejected(() -> ars.step(0, CARTPOLE_REWARD), "iteration: expected at least 1, found 0");
            assertRejected(() -> ars.restore(new ArsState(new double[3], 0, new double[4], new double[4])),
                    "expected 8 parameters, found 3");
            assertRejected(() -> ars.restore(new ArsState(new double[8], 0, new double[2], new double[2])),
                    "expected statistics of 4 observation dimensions, found 2");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(ars, 1, 30, CARTPOLE_REWARD));
            assertTrue(e.getMessage().contains("did not end within 100 steps"), e.getMessage());
        }
        assertRejected(() -> new ArsOptimizer(ArsConfig.builder().build(), task.environments(), 0),
                "max episode steps: expected at least 1, found 0");
        assertRejected(() -> new ArsOptimizer(ArsConfig.builder().build(), null, 10), "needs an environment factory");
    }

    private static double rewardReturn(Trajectory t, RewardFunction reward) {
        double sum = 0;
        for (int step = 0; step < t.length(); step++) {
            sum += reward.reward(t.state(step), t.action(step));
        }
        return sum;
    }
}
