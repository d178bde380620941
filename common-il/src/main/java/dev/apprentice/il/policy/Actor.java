package dev.apprentice.il.policy;

import java.util.random.RandomGenerator;

/**
 * Anything that picks an action for an observation: a learned {@link Policy}, a scripted expert,
 * the uniform random baseline. Implementations must be safe to call from several threads; all
 * randomness comes from the {@code rng} argument so that rollouts are reproducible.
 */
@FunctionalInterface
public interface Actor {

    /**
     * Chooses an action.
     *
     * @param observation the current observation (not modified)
     * @param rng the caller's random stream; deterministic actors ignore it
     * @return a new array holding the action, in the environment's action space
     */
    float[] act(float[] observation, RandomGenerator rng);
}
