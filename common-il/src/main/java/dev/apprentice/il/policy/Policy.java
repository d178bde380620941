package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.random.RandomGenerator;

/**
 * A learned mapping from observations to a distribution over actions, which is what trainers
 * produce, the registry stores and the services serve. Implementations are immutable and
 * thread-safe, and run in plain Java without loading ND4J.
 *
 * <pre>{@code
 * Policy policy = outcome.policy();
 * float[] greedy = policy.actDeterministic(observation);          // serving
 * float[] explore = policy.act(observation, new SplittableRandom(7)); // rollouts
 * double logp = policy.logProbability(observation, greedy);
 * }</pre>
 */
public interface Policy extends Actor {

    /** The observations this policy accepts. */
    Box observationSpace();

    /** The actions this policy produces. */
    Space actionSpace();

    /**
     * The action distribution for one observation.
     *
     * @throws IllegalArgumentException when the observation has the wrong dimension
     */
    ActionDistribution distribution(float[] observation);

    /** Samples an action from {@link #distribution(float[])}. */
    @Override
    default float[] act(float[] observation, RandomGenerator rng) {
        return distribution(observation).sample(rng);
    }

    /** The most likely action (argmax for discrete actions, the squashed mean for continuous ones). */
    default float[] actDeterministic(float[] observation) {
        return distribution(observation).mode();
    }

    /** Log-probability (density for continuous actions) of {@code action} given {@code observation}. */
    default double logProbability(float[] observation, float[] action) {
        return distribution(observation).logProbability(action);
    }

    /** This policy acting greedily, for evaluation and serving. */
    default Actor deterministic() {
        return (observation, rng) -> actDeterministic(observation);
    }
}
