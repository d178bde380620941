package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.SplittableRandom;

/**
 * The cheapest "did it learn at all" task (after Stable-Baselines3's identity environments): the
 * right action is the observation itself. Discrete: the observation is the one-hot code of a
 * random target and the reward is 1 for choosing it. Continuous: the observation is uniform in
 * [-1, 1]^d and the reward is the negative squared distance between action and observation.
 * Every episode lasts {@value #EPISODE_LENGTH} steps.
 */
public final class IdentityEnvironment implements Environment {

    /** Steps per episode. */
    public static final int EPISODE_LENGTH = 20;

    private final Box observationSpace;
    private final Space actionSpace;
    private final boolean discrete;
    private SplittableRandom rng;
    private float[] current;
    private int steps;
    private boolean running;

    private IdentityEnvironment(Box observationSpace, Space actionSpace, boolean discrete) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.discrete = discrete;
    }

    /** The discrete variant with {@code n} actions. */
    public static IdentityEnvironment discrete(int n) {
        return new IdentityEnvironment(Box.uniform(n, 0f, 1f), new Discrete(n), true);
    }

    /** The continuous variant in {@code dimension} dimensions. */
    public static IdentityEnvironment continuous(int dimension) {
        return new IdentityEnvironment(Box.uniform(dimension, -1f, 1f), Box.uniform(dimension, -1f, 1f), false);
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public float[] reset(long seed) {
        rng = new SplittableRandom(seed);
        steps = 0;
        running = true;
        current = draw();
        return current.clone();
    }

    @Override
    public StepResult step(float[] action) {
        actionSpace.validate(action, "action");
        if (!running) {
            throw new IllegalStateException("identity: no episode is running; call reset(seed) first");
        }
        double reward;
        if (discrete) {
            reward = current[(int) action[0]] == 1f ? 1.0 : 0.0;
        } else {
            double sq = 0;
            for (int i = 0; i < action.length; i++) {
                double d = action[i] - current[i];
                sq += d * d;
            }
            reward = -sq;
        }
        steps++;
        running = steps < EPISODE_LENGTH;
        current = draw();
        return new StepResult(current.clone(), reward, false, !running);
    }

    private float[] draw() {
        int d = observationSpace.dimension();
        float[] obs = new float[d];
        if (discrete) {
            obs[rng.nextInt(d)] = 1f;
        } else {
            for (int i = 0; i < d; i++) {
                obs[i] = (float) rng.nextDouble(-1, 1);
            }
        }
        return obs;
    }
}
