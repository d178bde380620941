package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;

/**
 * An MLP policy over an action box whose network outputs the action itself, clipped into the box:
 * what a squared-error imitation loss trains (MAML's regression benchmarks, experts whose actions
 * are exact values rather than samples). Deterministic: all probability on that action.
 */
public final class RegressionMlpPolicy extends MlpPolicy {

    private final Box actionSpace;

    public RegressionMlpPolicy(Box observationSpace, Box actionSpace, ObservationNormalizer normalizer,
            DenseNetwork network) {
        super(observationSpace, normalizer, network, actionSpace.dimension());
        this.actionSpace = actionSpace;
    }

    @Override
    public Box actionSpace() {
        return actionSpace;
    }

    @Override
    public PointMassDistribution distribution(float[] observation) {
        return new PointMassDistribution(actionSpace.clip(networkOutput(observation)));
    }
}
