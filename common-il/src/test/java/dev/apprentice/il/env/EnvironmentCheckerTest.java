package dev.apprentice.il.env;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvironmentCheckerTest {

    private final EnvironmentChecker checker = new EnvironmentChecker(100, 3);

    /** The ways a hand-written environment can break the contract. */
    enum Defect {
        OBSERVATION_OUTSIDE_SPACE, NON_DETERMINISTIC_RESET, NEVER_ENDS, ACCEPTS_STEP_AFTER_END, ACCEPTS_WRONG_WIDTH,
        NAN_REWARD
    }

    /**
     * A counter walking 1/10 per step towards 1 (action 1) or -1 (action 0), ending after 8 steps,
     * that keeps the contract except for the chosen defects. Instances made by one factory share a
     * reset counter, so a non-deterministic reset differs even across instances.
     */
    private static final class CounterEnvironment implements Environment {
        private static final Box OBSERVATIONS = Box.uniform(1, -1, 1);
        private static final Discrete ACTIONS = new Discrete(2);

        private final Set<Defect> defects;
        private final AtomicInteger resets;
        private float position;
        private int steps;
        private boolean running;

        CounterEnvironment(Set<Defect> defects, AtomicInteger resets) {
            this.defects = defects;
            this.resets = resets;
        }

        @Override
        public Box observationSpace() {
            return OBSERVATIONS;
        }

        @Override
        public Space actionSpace() {
            return ACTIONS;
        }

        @Override
        public float[] reset(long seed) {
            int count = resets.incrementAndGet();
            position = defects.contains(Defect.NON_DETERMINISTIC_RESET) ? count % 5 / 10f : seed % 3 / 10f;
            steps = 0;
            running = true;
            return new float[] {position};
        }

        @Override
        public StepResult step(float[] action) {
            if (!defects.contains(Defect.ACCEPTS_WRONG_WIDTH)) {
                ACTIONS.validate(action, "action");
            }
            if (!running && !defects.contains(Defect.ACCEPTS_STEP_AFTER_END)) {
                throw new IllegalStateException("counter: no episode is running");
            }
            position = Math.max(-0.9f, Math.min(0.9f, position + (action[0] == 1 ? 0.1f : -0.1f)));
            steps++;
            running = defects.contains(Defect.NEVER_ENDS) || steps < 8;
            float observed = defects.contains(Defect.OBSERVATION_OUTSIDE_SPACE) && steps == 3 ? 1.5f : position;
            double reward = defects.contains(Defect.NAN_REWARD) && steps == 2 ? Double.NaN : -Math.abs(position);
            return new StepResult(new float[] {observed}, reward, false, !running);
        }
    }

    private static Supplier<Environment> counters(Defect... defects) {
        Set<Defect> set = defects.length == 0 ? EnumSet.noneOf(Defect.class) : EnumSet.of(defects[0], defects);
        AtomicInteger resets = new AtomicInteger();
        return () -> new CounterEnvironment(set, resets);
    }

    private static void assertSingleProblem(List<String> problems, String fragment) {
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).contains(fragment), () -> "expected '" + fragment + "' in: " + problems.get(0));
    }

    @ParameterizedTest
    @EnumSource(ReferenceTask.class)
    void referenceEnvironmentsPass(ReferenceTask task) {
        EnvironmentChecker forTask = new EnvironmentChecker(task.maxEpisodeSteps(), 3);

        List<String> problems = forTask.check(task.environments());

        assertEquals(List.of(), problems);
    }

    @Test
    void wellBehavedHandWrittenEnvironmentPasses() {
        assertEquals(List.of(), checker.check(counters()));
    }

    @Test
    void catchesObservationOutsideTheSpace() {
        List<String> problems = checker.check(counters(Defect.OBSERVATION_OUTSIDE_SPACE));

        assertSingleProblem(problems, "observation outside the declared space: step 2 observation[0]: expected a value in [-1.0, 1.0], found 1.5");
    }

    @Test
    void catchesNonDeterministicReset() {
        List<String> problems = checker.check(counters(Defect.NON_DETERMINISTIC_RESET));

        assertSingleProblem(problems, "episode with seed 1000 is not reproducible");
    }

    @Test
    void catchesEpisodeThatNeverEnds() {
        List<String> problems = checker.check(counters(Defect.NEVER_ENDS));

        assertSingleProblem(problems, "episode with seed 1000 did not end within 100 steps");
    }

    @Test
    void catchesStepAcceptedAfterTheEpisodeEnded() {
        List<String> problems = checker.check(counters(Defect.ACCEPTS_STEP_AFTER_END));

        assertSingleProblem(problems, "step() after the episode ended was accepted");
    }

    @Test
    void catchesActionOfWrongWidthBeingAccepted() {
        List<String> problems = checker.check(counters(Defect.ACCEPTS_WRONG_WIDTH));

        assertSingleProblem(problems, "step() accepted an action of the wrong width");
    }

    @Test
    void catchesNaNReward() {
        List<String> problems = checker.check(counters(Defect.NAN_REWARD));

        assertSingleProblem(problems, "step 1 returned a non-finite reward NaN");
    }

    @Test
    void reportsFactoryThatCannotCreateAnEnvironment() {
        List<String> problems = checker.check(() -> {
            throw new IllegalStateException("no licence for the simulator");
        });

        assertSingleProblem(problems, "the factory failed to create an environment");
        assertTrue(problems.get(0).contains("no licence for the simulator"));
    }

    @Test
    void requireValidThrowsListingTheProblems() {
        assertRejected(() -> checker.requireValid(counters(Defect.NAN_REWARD)),
                "environment failed its checks", "non-finite reward NaN");
    }

    @Test
    void requireValidAcceptsWellBehavedEnvironment() {
        checker.requireValid(counters());
    }

    @Test
    void rejectsCheckerWithoutStepsOrEpisodes() {
        assertRejected(() -> new EnvironmentChecker(0, 3), "must be at least 1, found 0 and 3");
        assertRejected(() -> new EnvironmentChecker(10, 0), "must be at least 1, found 10 and 0");
    }
}
