package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.SplittableRandom;

/**
 * The cart-pole balancing task with the classic constants of Barto, Sutton and Anderson (1983),
 * as popularised by OpenAI Gym's CartPole-v1: a 1 kg cart, a 0.1 kg pole of half-length 0.5 m,
 * a ±10 N push every 0.02 s (explicit Euler), failure beyond ±12° or ±2.4 m, reward 1 per step,
 * episodes cut at 500 steps. Observation: cart position, cart velocity, pole angle, pole
 * angular velocity. Actions: 0 = push left, 1 = push right.
 */
public final class CartPoleEnvironment implements Environment {

    static final double GRAVITY = 9.8;
    static final double CART_MASS = 1.0;
    static final double POLE_MASS = 0.1;
    static final double TOTAL_MASS = CART_MASS + POLE_MASS;
    static final double HALF_LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double ANGLE_LIMIT = 12 * 2 * Math.PI / 360;
    static final double POSITION_LIMIT = 2.4;
    /** Episode length limit, as in CartPole-v1. */
    public static final int MAX_STEPS = 500;

    private static final Box OBSERVATION_SPACE = new Box(
            new float[] {-4.8f, Float.NEGATIVE_INFINITY, (float) (-2 * ANGLE_LIMIT), Float.NEGATIVE_INFINITY},
            new float[] {4.8f, Float.POSITIVE_INFINITY, (float) (2 * ANGLE_LIMIT), Float.POSITIVE_INFINITY});
    private static final Discrete ACTION_SPACE = new Discrete(2);

    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private int steps;
    private boolean running;

    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Discrete actionSpace() {
        return ACTION_SPACE;
    }

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
        int push = ACTION_SPACE.index(action, "action");
        if (!running) {
            throw new IllegalStateException("cart-pole: no episode is running; call reset(seed) first");
        }
        double force = push == 1 ? FORCE : -FORCE;
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
        boolean truncated = !terminated && steps >= MAX_STEPS;
        running = !(terminated || truncated);
        return new StepResult(observation(), 1.0, terminated, truncated);
    }

    private float[] observation() {
        return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
    }
}
