package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;

/**
 * Cart-pole with a continuous push, as NoRML's cart-pole experiments use it (Yang et al. 2019;
 * the released {@code cartpole_sensor_bias_env} makes Gym's cart-pole continuous): the action is
 * the signed force on the cart, saturating at the classic ±10 N; everything else — constants,
 * Euler step, failure limits, reward 1 per step, 500-step limit — is {@link CartPoleEnvironment}'s.
 * Any finite force is accepted, so Gaussian policies may act unclipped.
 */
public final class ContinuousCartPoleEnvironment implements Environment {

    private static final Box ACTION_SPACE = Box.unbounded(1);

    private final Box observationSpace = new CartPoleEnvironment().observationSpace();
    private final CartPolePhysics physics = new CartPolePhysics();

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    /** The same start distribution as the discrete cart-pole: each state variable uniform in ±0.05. */
    @Override
    public float[] reset(long seed) {
        return physics.reset(seed);
    }

    @Override
    public StepResult step(float[] action) {
        ACTION_SPACE.validate(action, "action");
        return physics.step(Math.max(-CartPolePhysics.FORCE, Math.min(CartPolePhysics.FORCE, action[0])));
    }
}
