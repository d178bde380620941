package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import java.util.SplittableRandom;

/**
 * Pendulum swing-up with the dynamics of OpenAI Gym's Pendulum-v1: g = 10, m = 1, l = 1,
 * dt = 0.05 s, torque in [-2, 2], angular speed clipped to ±8, start angle uniform in [-π, π)
 * and speed in [-1, 1], 200 steps per episode. The angle is 0 when upright. Observation
 * (cos θ, sin θ, θ̇); reward −(θ² + 0.1 θ̇² + 0.001 u²) with θ wrapped into [-π, π).
 */
public final class PendulumEnvironment implements Environment {

    static final double MAX_SPEED = 8.0;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double MASS = 1.0;
    static final double LENGTH = 1.0;
    /** Episode length, as in Pendulum-v1. */
    public static final int MAX_STEPS = 200;

    private static final Box OBSERVATION_SPACE = new Box(new float[] {-1f, -1f, (float) -MAX_SPEED},
            new float[] {1f, 1f, (float) MAX_SPEED});
    private static final Box ACTION_SPACE = new Box(new float[] {(float) -MAX_TORQUE}, new float[] {(float) MAX_TORQUE});

    private double theta;
    private double thetaDot;
    private int steps;
    private boolean running;

    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public float[] reset(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        theta = rng.nextDouble(-Math.PI, Math.PI);
        thetaDot = rng.nextDouble(-1, 1);
        steps = 0;
        running = true;
        return observation();
    }

    @Override
    public StepResult step(float[] action) {
        ACTION_SPACE.validate(action, "action");
        if (!running) {
            throw new IllegalStateException("pendulum: no episode is running; call reset(seed) first");
        }
        double u = action[0];
        double angle = wrapAngle(theta);
        double cost = angle * angle + 0.1 * thetaDot * thetaDot + 0.001 * u * u;
        double newThetaDot = thetaDot + (3 * G / (2 * LENGTH) * Math.sin(theta) + 3.0 / (MASS * LENGTH * LENGTH) * u) * DT;
        newThetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThetaDot));
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        steps++;
        boolean truncated = steps >= MAX_STEPS;
        running = !truncated;
        return new StepResult(observation(), -cost, false, truncated);
    }

    /** Wraps an angle into [-π, π). */
    static double wrapAngle(double angle) {
        return ((angle + Math.PI) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI) - Math.PI;
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(theta), (float) Math.sin(theta), (float) thetaDot};
    }
}
