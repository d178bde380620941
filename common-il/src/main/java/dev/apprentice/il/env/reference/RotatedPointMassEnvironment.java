package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;

/**
 * The "rotate" task of NoRML (Yang et al., "NoRML: No-Reward Meta Learning", AAMAS 2019, and its
 * released {@code move_point_env}): a point in the plane [−2, 2]² starts at (0, 0) and should
 * reach the goal (1, 0); each action is a commanded displacement that the actuator turns by a
 * fixed, unknown angle before applying it. The reward is the negative distance to the goal after
 * the step, episodes last a fixed number of steps (10 in the paper's dense variant), and the
 * observation is the position only, so the angle shows only in how the point moves.
 *
 * <p>The reference declares the action box [−1, 1]² but applies any command; here every finite
 * command is accepted and each coordinate saturates at ±1, so Gaussian policies may act
 * unclipped.
 */
public final class RotatedPointMassEnvironment implements Environment {

    /** Half-width of the square arena, as in the reference. */
    public static final double ARENA = 2.0;
    /** Largest displacement per coordinate and step. */
    public static final double MAX_DISPLACEMENT = 1.0;

    private static final Box OBSERVATION_SPACE = Box.uniform(2, (float) -ARENA, (float) ARENA);
    private static final Box ACTION_SPACE = Box.unbounded(2);

    private final double angle;
    private final int horizon;
    private final double goalX;
    private final double goalY;
    private double x;
    private double y;
    private int steps;
    private boolean running;

    /**
     * @param angle the rotation, in radians, applied to every command
     * @param horizon steps per episode, at least 1
     * @param goal the goal position, inside the arena
     */
    public RotatedPointMassEnvironment(double angle, int horizon, float[] goal) {
        if (!Double.isFinite(angle)) {
            throw new IllegalArgumentException("angle: expected a finite number of radians, found " + angle);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1 step, found " + horizon);
        }
        OBSERVATION_SPACE.validate(goal, "goal");
        this.angle = angle;
        this.horizon = horizon;
        this.goalX = goal[0];
        this.goalY = goal[1];
    }

    /** The rotation this environment applies to commands, in radians. */
    public double angle() {
        return angle;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    /** The start is always the origin, as in the paper; the seed changes nothing. */
    @Override
    public float[] reset(long seed) {
        x = 0;
        y = 0;
        steps = 0;
        running = true;
        return observation();
    }

    @Override
    public StepResult step(float[] action) {
        ACTION_SPACE.validate(action, "action");
        if (!running) {
            throw new IllegalStateException("rotated point mass: no episode is running; call reset(seed) first");
        }
        double dx = saturate(action[0]);
        double dy = saturate(action[1]);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        x = clamp(x + cos * dx - sin * dy);
        y = clamp(y + sin * dx + cos * dy);
        steps++;
        running = steps < horizon;
        double distance = Math.hypot(x - goalX, y - goalY);
        return new StepResult(observation(), -distance, false, !running);
    }

    private static double saturate(float command) {
        return Math.max(-MAX_DISPLACEMENT, Math.min(MAX_DISPLACEMENT, command));
    }

    private static double clamp(double coordinate) {
        return Math.max(-ARENA, Math.min(ARENA, coordinate));
    }

    private float[] observation() {
        return new float[] {(float) x, (float) y};
    }
}
