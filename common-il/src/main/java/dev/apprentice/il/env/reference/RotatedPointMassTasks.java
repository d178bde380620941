package dev.apprentice.il.env.reference;

import dev.apprentice.il.algorithms.meta.EnvironmentTasks;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.spaces.Box;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * NoRML's rotate task distribution (Yang et al. 2019, Section 5.1): point masses whose commands
 * are rotated by an angle drawn uniformly from [−π, π] (the reference draws from 5000 evenly
 * spaced angles in that range), start (0, 0), goal (1, 0), reward −distance to the goal, 10 steps
 * per episode. Only the observed motion reveals the angle, which is what reward-free adaptation
 * must infer.
 */
public final class RotatedPointMassTasks implements EnvironmentTasks {

    /** Episode length of the paper's dense-reward rotate task. */
    public static final int PAPER_HORIZON = 10;
    private static final float[] GOAL = {1f, 0f};

    private final double maxAngle;
    private final int horizon;

    /** The paper's distribution: angles in [−π, π], 10 steps. */
    public RotatedPointMassTasks() {
        this(Math.PI, PAPER_HORIZON);
    }

    /**
     * @param maxAngle angles are drawn uniformly from [−maxAngle, maxAngle], in (0, π]
     * @param horizon steps per episode, at least 1
     */
    public RotatedPointMassTasks(double maxAngle, int horizon) {
        if (!(maxAngle > 0 && maxAngle <= Math.PI)) {
            throw new IllegalArgumentException("maxAngle: expected a value in (0, π], found " + maxAngle);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1 step, found " + horizon);
        }
        this.maxAngle = maxAngle;
        this.horizon = horizon;
    }

    /** The rotation of the task drawn with {@code taskSeed}. */
    public double angle(long taskSeed) {
        return new SplittableRandom(taskSeed).nextDouble(-maxAngle, Math.nextUp(maxAngle));
    }

    @Override
    public Box observationSpace() {
        return Box.uniform(2, (float) -RotatedPointMassEnvironment.ARENA, (float) RotatedPointMassEnvironment.ARENA);
    }

    @Override
    public Box actionSpace() {
        return Box.unbounded(2);
    }

    @Override
    public RotatedPointMassEnvironment create(long taskSeed) {
        return new RotatedPointMassEnvironment(angle(taskSeed), horizon, GOAL);
    }

    @Override
    public String fingerprint() {
        return String.format(Locale.ROOT, "rotated-point-mass(angle=uniform[-%.17g,%.17g],horizon=%d,start=(0,0),goal=(1,0))",
                maxAngle, maxAngle, horizon);
    }

    @Override
    public String toString() {
        return fingerprint();
    }
}
