package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Space;
import java.util.random.RandomGenerator;

/** Picks actions uniformly at random: the "0" of normalised return. */
public record UniformRandomActor(Space actionSpace) implements Actor {

    @Override
    public float[] act(float[] observation, RandomGenerator rng) {
        return actionSpace.sample(rng);
    }
}
