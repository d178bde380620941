package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.env.reference.RotatedPointMassTasks;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.concurrent.atomic.AtomicInteger;

/** Small, fast NoRML settings and environment probes shared by the NoRML tests. */
final class NormlTestTasks {

    static final RotatedPointMassTasks ROTATE = new RotatedPointMassTasks();

    private NormlTestTasks() {
    }

    /** A budget that runs in well under a second: enough to move every parameter. */
    static NormlConfig.Builder tiny() {
        return NormlConfig.builder().metaIterations(6).tasksPerIteration(3).rolloutsPerTask(4)
                .maxEpisodeSteps(RotatedPointMassTasks.PAPER_HORIZON).advantageHiddenSizes(8, 8).seed(3);
    }

    /**
     * {@code environment} whose every reward is NaN, counting the steps it serves: a rollout that
     * read those rewards would turn every advantage, and so the adapted parameters, into NaN.
     */
    static Environment nanRewards(Environment environment, AtomicInteger steps) {
        return new Environment() {
            @Override
            public Box observationSpace() {
                return environment.observationSpace();
            }

            @Override
            public Space actionSpace() {
                return environment.actionSpace();
            }

            @Override
            public float[] reset(long seed) {
                return environment.reset(seed);
            }

            @Override
            public StepResult step(float[] action) {
                steps.incrementAndGet();
                StepResult r = environment.step(action);
                return new StepResult(r.observation(), Double.NaN, r.terminated(), r.truncated());
            }
        };
    }
}
