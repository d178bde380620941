package dev.apprentice.il.env.reference;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.StepResult;
import org.junit.jupiter.api.Test;

/** The rotate task: commands turned by a per-task angle, reward −distance to the goal, 10 steps. */
class RotatedPointMassTasksTest {

    private final RotatedPointMassTasks tasks = new RotatedPointMassTasks();

    @Test
    void aQuarterTurnSendsARightwardCommandUpwards() {
        // given
        RotatedPointMassEnvironment env = new RotatedPointMassEnvironment(Math.PI / 2, 10, new float[] {1, 0});
        env.reset(0);

        // when
        StepResult r = env.step(new float[] {0.5f, 0});

        // then
        assertEquals(0, r.observation()[0], 1e-6);
        assertEquals(0.5, r.observation()[1], 1e-6);
        assertEquals(-Math.hypot(1, 0.5), r.reward(), 1e-6);
    }

    @Test
    void withoutRotationOneUnitStepReachesTheGoalAndEpisodesLastTenSteps() {
        // given
        RotatedPointMassEnvironment env = new RotatedPointMassEnvironment(0, RotatedPointMassTasks.PAPER_HORIZON,
                new float[] {1, 0});
        env.reset(0);

        // when
        StepResult first = env.step(new float[] {3, 0});
        int steps = 1;
        StepResult last = first;
        while (!last.done()) {
            last = env.step(new float[] {0, 0});
            steps++;
        }

        // then: the command saturated at 1
        assertArrayEquals(new float[] {1, 0}, first.observation());
        assertEquals(0, first.reward(), 1e-9);
        assertEquals(10, steps);
        assertTrue(last.truncated());
    }

    @Test
    void theSameTaskSeedGivesTheSameAngleAndAnglesSpanMinusPiToPi() {
        assertEquals(tasks.create(5).angle(), tasks.create(5).angle());
        assertNotEquals(tasks.angle(5), tasks.angle(6));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (long seed = 0; seed < 2000; seed++) {
            min = Math.min(min, tasks.angle(seed));
            max = Math.max(max, tasks.angle(seed));
        }
        assertTrue(min >= -Math.PI && min < -3.0, "min " + min);
        assertTrue(max <= Math.PI && max > 3.0, "max " + max);
    }

    @Test
    void theFingerprintNamesTheGeneratorAndItsParameters() {
        assertTrue(tasks.fingerprint().startsWith("rotated-point-mass(angle=uniform[-3.14159"), tasks::fingerprint);
        assertTrue(tasks.fingerprint().contains("horizon=10"), tasks::fingerprint);
        assertFalse(tasks.fingerprint().equals(new RotatedPointMassTasks(1, 10).fingerprint()));
    }

    @Test
    void rejectsAnglesAndHorizonsOutsideTheirRanges() {
        assertRejected(() -> new RotatedPointMassTasks(4, 10), "maxAngle", "found 4.0");
        assertRejected(() -> new RotatedPointMassTasks(1, 0), "horizon", "at least 1", "found 0");
    }
}
