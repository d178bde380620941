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

    /**
     * This actor for one episode. Stateless actors (every learned policy, most scripted experts)
     * return themselves. An actor that remembers the episode's earlier decisions (a TCI pump's
     * drug model, a human) returns a fresh instance that one thread uses for one episode, and may
     * refuse {@link #act} on the shared instance. Whoever runs an episode calls this once at its
     * start.
     */
    default Actor forEpisode() {
        return this;
    }

    /** Whether this actor answers for any observation on its own, without an episode's history (DAgger needs one). */
    default boolean stateless() {
        return forEpisode() == this;
    }
}
