package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;

/**
 * The cart-pole balancing task with the classic constants of Barto, Sutton and Anderson (1983),
 * as popularised by OpenAI Gym's CartPole-v1: a 1 kg cart, a 0.1 kg pole of half-length 0.5 m,
 * a ±10 N push every 0.02 s (explicit Euler), failure beyond ±12° or ±2.4 m, reward 1 per step,
 * episodes cut at 500 steps. Observation: cart position, cart velocity, pole angle, pole
 * angular velocity. Actions: 0 = push left, 1 = push right.
 */
public final class CartPoleEnvironment implements Environment {

    /** Episode length limit, as in CartPole-v1. */
    public static final int MAX_STEPS = 500;

    private static final Box OBSERVATION_SPACE = new Box(
            new float[] {-4.8f, Float.NEGATIVE_INFINITY, (float) (-2 * CartPolePhysics.ANGLE_LIMIT), Float.NEGATIVE_INFINITY},
            new float[] {4.8f, Float.POSITIVE_INFINITY, (float) (2 * CartPolePhysics.ANGLE_LIMIT), Float.POSITIVE_INFINITY});
    private static final Discrete ACTION_SPACE = new Discrete(2);

    private final CartPolePhysics physics = new CartPolePhysics();

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
        return physics.reset(seed);
    }

    @Override
    public StepResult step(float[] action) {
        int push = ACTION_SPACE.index(action, "action");
        return physics.step(push == 1 ? CartPolePhysics.FORCE : -CartPolePhysics.FORCE);
    }
}
