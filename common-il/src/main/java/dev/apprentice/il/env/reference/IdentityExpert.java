package dev.apprentice.il.env.reference;

import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/** The perfect expert for {@link IdentityEnvironment}: the index of the hot entry, or the observation itself. */
public record IdentityExpert(boolean discrete) implements Actor {

    @Override
    public float[] act(float[] observation, RandomGenerator rng) {
        if (!discrete) {
            return observation.clone();
        }
        int hot = 0;
        for (int i = 1; i < observation.length; i++) {
            if (observation[i] > observation[hot]) {
                hot = i;
            }
        }
        return new float[] {hot};
    }
}
