package dev.apprentice.il.discriminator;

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
}
