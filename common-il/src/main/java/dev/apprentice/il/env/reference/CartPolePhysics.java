package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.StepResult;
import java.util.SplittableRandom;

/**
 * The cart-pole's state and its explicit Euler step under a given force, shared by the discrete
 * {@link CartPoleEnvironment} (±10 N pushes) and the {@link ContinuousCartPoleEnvironment} (any force
 * up to ±10 N): constants of Barto, Sutton and Anderson (1983) as in Gym's CartPole-v1.
 */
final class CartPolePhysics {

    static final double GRAVITY = 9.8;
    static final double CART_MASS = 1.0;
    static final double POLE_MASS = 0.1;
    static final double TOTAL_MASS = CART_MASS + POLE_MASS;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
    /** The push of the discrete task, and the continuous task's saturation. */
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double ANGLE_LIMIT = 12 * 2 * Math.PI / 360;
    static final double POSITION_LIMIT = 2.4;

    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean running;

    /** Starts an episode: each state variable uniform in ±0.05; returns the first observation. */
    float[] reset(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        x = rng.nextDouble(-0.05, 0.05);
        xDot = rng.nextDouble(-0.05, 0.05);
        theta = rng.nextDouble(-0.05, 0.05);
        thetaDot = rng.nextDouble(-0.05, 0.05);
        steps = 0;
        running = true;
        return observation();
    }

    /**
     * Advances 0.02 s under {@code force} newtons; reward 1, failure beyond ±12° or ±2.4 m, cut at
     * {@link CartPoleEnvironment#MAX_STEPS}.
     *
     * @throws IllegalStateException when no episode is running
     */
    StepResult step(double force) {
        if (!running) {
            throw new IllegalStateException("cart-pole: no episode is running; call reset(seed) first");
        }
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
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
