package dev.apprentice.il.policy;

import java.util.random.RandomGenerator;

/** A distribution over actions as a policy computes it for one observation. */
public sealed interface ActionDistribution permits CategoricalDistribution, SquashedGaussianDistribution, PointMassDistribution,
        DiagonalGaussianDistribution {

    /** Draws an action using the caller's random stream. */
    float[] sample(RandomGenerator rng);

    /** The most likely action. */
    float[] mode();

    /** Log-probability (or log-density) of {@code action}; {@code -Infinity} when impossible. */
    double logProbability(float[] action);

    /** Entropy in nats (for squashed Gaussians: that of the Gaussian before squashing). */
    double entropy();
}
