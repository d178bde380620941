package dev.apprentice.il.env.reference;

import static dev.apprentice.il.env.reference.CartPoleEnvironment.ANGLE_LIMIT;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.FORCE;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.GRAVITY;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.HALF_LENGTH;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.POLE_MASS;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.POLE_MASS_LENGTH;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.POSITION_LIMIT;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.TAU;
import static dev.apprentice.il.env.reference.CartPoleEnvironment.TOTAL_MASS;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import java.util.SplittableRandom;

/**
 * Cart-pole with a continuous push, as NoRML's cart-pole experiments use it (Yang et al. 2019;
 * the released {@code cartpole_sensor_bias_env} makes Gym's cart-pole continuous): the action is
 * the signed force on the cart, saturating at the classic ±10 N; everything else — constants,
 * Euler step, failure limits, reward 1 per step, 500-step limit — is {@link CartPoleEnvironment}'s.
 * Any finite force is accepted, so Gaussian policies may act unclipped.
 */
public final class ContinuousCartPoleEnvironment implements Environment {

    private static final Box ACTION_SPACE = Box.unbounded(1);

    private final CartPoleEnvironment discrete = new CartPoleEnvironment();
    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean running;

    @Override
    public Box observationSpace() {
        return discrete.observationSpace();
    }

    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    /** The same start distribution as the discrete cart-pole: each state variable uniform in ±0.05. */
    @Override
    public float[] reset(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        x = rng.nextDouble(-0.05, 0.05);
        xDot = rng.nextDouble(-0.05, 0.05);
        theta = rng.nextDouble(-0.05, 0.05);
        thetaDot = rng.nextDouble(-0.05, 0.05);
        steps = 0;
        running = true;
        return observation();
    }

    @Override
    public StepResult step(float[] action) {
        ACTION_SPACE.validate(action, "action");
        if (!running) {
            throw new IllegalStateException("cart-pole: no episode is running; call reset(seed) first");
        }
        double force = Math.max(-FORCE, Math.min(FORCE, action[0]));
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        x += TAU * xDot;
        xDot += TAU * xAcc;
        theta += TAU * thetaDot;
        thetaDot += TAU * thetaAcc;
        steps++;
        boolean terminated = Math.abs(x) > POSITION_LIMIT || Math.abs(theta) > ANGLE_LIMIT;
        boolean truncated = !terminated && steps >= CartPoleEnvironment.MAX_STEPS;
        running = !(terminated || truncated);
        return new StepResult(observation(), 1.0, terminated, truncated);
    }

    private float[] observation() {
        return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
    }
}
