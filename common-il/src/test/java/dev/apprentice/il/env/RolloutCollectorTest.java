package dev.apprentice.il.env;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.reference.CartPoleEnvironment;
import dev.apprentice.il.env.reference.CartPoleExpert;
import dev.apprentice.il.env.reference.PendulumEnvironment;
import dev.apprentice.il.env.reference.PendulumExpert;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutCollectorTest {

    /** The cart-pole expert, overruled by a coin flip on a third of the steps: its episodes depend on the actor's random stream. */
    private static final Actor NOISY_CARTPOLE_EXPERT = (observation, rng) -> rng.nextInt(3) == 0
            ? new float[] {rng.nextInt(2)}
            : new CartPoleExpert().act(observation, rng);

    /** The pendulum expert plus Gaussian noise, clipped to the torque limits. */
    private static final Actor NOISY_PENDULUM_EXPERT = (observation, rng) -> {
        float u = new PendulumExpert().act(observation, rng)[0] + (float) (0.5 * rng.nextGaussian());
        return new float[] {Math.max(-2f, Math.min(2f, u))};
    };

    private static void assertBitIdentical(Trajectory expected, Trajectory actual, String what) {
        assertEquals(expected.length(), actual.length(), what + ": length");
        assertEquals(expected.terminated(), actual.terminated(), what + ": terminated");
        for (int t = 0; t <= expected.length(); t++) {
            assertArrayEquals(expected.state(t), actual.state(t), what + ": state " + t);
        }
        for (int t = 0; t < expected.length(); t++) {
            assertArrayEquals(expected.action(t), actual.action(t), what + ": action " + t);
            assertEquals(Float.floatToRawIntBits(expected.reward(t)), Float.floatToRawIntBits(actual.reward(t)),
                    what + ": reward " + t);
        }
    }

    private static void assertSameTrajectoriesWithOneAndTwoThreads(java.util.function.Supplier<Environment> environments,
            Actor actor) {
        long[] seeds = RolloutCollector.seeds(100, 12);
        List<Trajectory> single;
        List<Trajectory> parallel;

        try (RolloutCollector one = new RolloutCollector(1, 1000); RolloutCollector two = new RolloutCollector(2, 1000)) {
            single = one.collect(environments, actor, seeds);
            parallel = two.collect(environments, actor, seeds);
        }

        assertEquals(seeds.length, parallel.size());
        for (int i = 0; i < seeds.length; i++) {
            assertBitIdentical(single.get(i), parallel.get(i), "seed " + seeds[i]);
        }
    }

    @Test
    void sameSeedsGiveBitIdenticalCartPoleTrajectoriesWithOneAndTwoThreads() {
        assertSameTrajectoriesWithOneAndTwoThreads(CartPoleEnvironment::new, NOISY_CARTPOLE_EXPERT);
    }

    @Test
    void sameSeedsGiveBitIdenticalPendulumTrajectoriesWithOneAndTwoThreads() {
        assertSameTrajectoriesWithOneAndTwoThreads(PendulumEnvironment::new, NOISY_PENDULUM_EXPERT);
    }

    @Test
    void theActorsRandomStreamIsSeededByTheEpisodeSeed() {
        Actor random = new UniformRandomActor(new PendulumEnvironment().actionSpace());

        try (RolloutCollector collector = new RolloutCollector(1, 1000)) {
            Trajectory a = collector.runEpisode(new PendulumEnvironment(), random, 1);
            Trajectory again = collector.runEpisode(new PendulumEnvironment(), random, 1);
            Trajectory b = collector.runEpisode(new PendulumEnvironment(), random, 2);

            assertArrayEquals(a.action(0), again.action(0));
            assertFalse(java.util.Arrays.equals(a.action(0), b.action(0)));
        }
    }

    /** An actor that counts its own decisions: each episode must get a fresh one. */
    private static final class StepCountingActor implements Actor {
        private final List<Integer> firstCounts;
        private int decisions;

        StepCountingActor(List<Integer> firstCounts) {
            this.firstCounts = firstCounts;
        }

        @Override
        public float[] act(float[] observation, java.util.random.RandomGenerator rng) {
            if (decisions++ == 0) {
                synchronized (firstCounts) {
                    firstCounts.add(decisions);
                }
            }
            return new float[] {decisions % 2};
        }
    }

    @Test
    void everyEpisodeGetsTheActorsFreshInstanceForOneEpisode() {
        // given an actor whose shared instance refuses to act and whose episode instances remember their decisions
        List<Integer> firstDecisions = new java.util.ArrayList<>();
        Actor episodic = new Actor() {
            @Override
            public float[] act(float[] observation, java.util.random.RandomGenerator rng) {
                throw new IllegalStateException("the shared instance must not act");
            }

            @Override
            public Actor forEpisode() {
                return new StepCountingActor(firstDecisions);
            }
        };

        // when
        try (RolloutCollector collector = new RolloutCollector(2, 1000)) {
            collector.collect(CartPoleEnvironment::new, episodic, new long[] {1, 2, 3, 4, 5});
        }

        // then every episode started with a fresh count
        assertEquals(List.of(1, 1, 1, 1, 1), firstDecisions);
        assertFalse(episodic.stateless());
        assertTrue(new CartPoleExpert().stateless());
    }

    @Test
    void resultsComeBackInSeedOrder() {
        long[] seeds = {9, 2, 31, 4, 17, 8, 5};
        List<Trajectory> collected;

        try (RolloutCollector collector = new RolloutCollector(2, 1000)) {
            collected = collector.collect(CartPoleEnvironment::new, NOISY_CARTPOLE_EXPERT, seeds);
        }

        for (int i = 0; i < seeds.length; i++) {
            assertArrayEquals(new CartPoleEnvironment().reset(seeds[i]), collected.get(i).state(0), "seed " + seeds[i]);
        }
    }

    @Test
    void recordsRewardsAndTheReasonTheEpisodeEnded() {
        try (RolloutCollector collector = new RolloutCollector(1, 1000)) {
            Trajectory balanced = collector.runEpisode(new CartPoleEnvironment(), new CartPoleExpert(), 3);
            Trajectory fallen = collector.runEpisode(new CartPoleEnvironment(), (o, r) -> new float[] {1}, 3);

            assertEquals(CartPoleEnvironment.MAX_STEPS, balanced.length());
            assertFalse(balanced.terminated());
            assertEquals(CartPoleEnvironment.MAX_STEPS, balanced.totalReward(), 1e-9);
            assertTrue(fallen.terminated());
            assertEquals(fallen.length(), fallen.totalReward(), 1e-9);
        }
    }

    @Test
    void actorExceptionPropagatesToTheCaller() {
        IllegalStateException failure = new IllegalStateException("actor lost its weights");
        Actor broken = (observation, rng) -> {
            throw failure;
        };

        try (RolloutCollector collector = new RolloutCollector(2, 1000)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> collector.collect(CartPoleEnvironment::new, broken, RolloutCollector.seeds(0, 6)));

            assertSame(failure, thrown);
        }
    }

    @Test
    void actorErrorIsWrappedWithItsCause() {
        AssertionError failure = new AssertionError("actor invariant broken");
        Actor broken = (observation, rng) -> {
            throw failure;
        };

        try (RolloutCollector collector = new RolloutCollector(2, 1000)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> collector.collect(CartPoleEnvironment::new, broken, RolloutCollector.seeds(0, 4)));

            assertTrue(thrown.getMessage().contains("rollout failed"), thrown.getMessage());
            assertSame(failure, thrown.getCause());
        }
    }

    /** An environment whose episodes never end. */
    private static final class EndlessEnvironment implements Environment {
        @Override
        public Box observationSpace() {
            return Box.uniform(1, 0, 0);
        }

        @Override
        public Space actionSpace() {
            return new Discrete(1);
        }

        @Override
        public float[] reset(long seed) {
            return new float[] {0};
        }

        @Override
        public StepResult step(float[] action) {
            return new StepResult(new float[] {0}, 0, false, false);
        }
    }

    @Test
    void reportsEnvironmentThatNeverEnds() {
        try (RolloutCollector collector = new RolloutCollector(2, 50)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> collector.collect(EndlessEnvironment::new, (o, r) -> new float[] {0}, new long[] {3}));

            assertTrue(thrown.getMessage().contains("episode with seed 3 did not end within 50 steps"), thrown.getMessage());
        }
    }

    @Test
    void demonstrationsAreTheExpertsEpisodesValidatedAgainstTheSpaces() {
        DemonstrationSet demonstrations;

        try (RolloutCollector collector = new RolloutCollector(2, 1000)) {
            demonstrations = collector.demonstrations(PendulumEnvironment::new, new PendulumExpert(),
                    RolloutCollector.seeds(0, 3));
        }

        assertEquals(3, demonstrations.episodeCount());
        assertEquals(3 * PendulumEnvironment.MAX_STEPS, demonstrations.size());
        assertArrayEquals(new PendulumEnvironment().reset(1), demonstrations.state(PendulumEnvironment.MAX_STEPS));
    }

    @Test
    void collectsNothingForNoSeeds() {
        try (RolloutCollector collector = new RolloutCollector(2, 10)) {
            assertEquals(List.of(), collector.collect(CartPoleEnvironment::new, new CartPoleExpert(), new long[0]));
        }
    }

    @Test
    void seedsAreConsecutive() {
        assertArrayEquals(new long[] {7, 8, 9}, RolloutCollector.seeds(7, 3));
    }

    @Test
    void rejectsCollectorWithoutThreadsOrSteps() {
        assertRejected(() -> new RolloutCollector(0, 10), "rollout threads: expected at least 1, found 0");
        assertRejected(() -> new RolloutCollector(1, 0), "max episode steps: expected at least 1, found 0");
    }
}
