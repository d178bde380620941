package dev.apprentice.il.discriminator;

import dev.apprentice.il.data.Trajectory;

/**
 * A reward for taking an action in a state, learned rather than given by the environment: GAIL
 * and RAIL optimise their policies against it. Implementations are immutable snapshots, safe to
 * call from many rollout threads at once.
 */
@FunctionalInterface
public interface RewardFunction {

    /**
     * @param state the observation the action was taken in
     * @param action the action (a one-element index for discrete actions)
     */
    double reward(float[] state, float[] action);

    /**
     * The reward of every step of an episode: the same values as {@link #reward} step by step, in
     * one pass where the implementation can batch (a discriminator evaluates its network once per
     * layer for the whole episode instead of once per step).
     */
    default double[] rewards(Trajectory episode) {
        double[] out = new double[episode.length()];
        for (int t = 0; t < out.length; t++) {
            out[t] = reward(episode.state(t), episode.action(t));
        }
        return out;
    }
}
