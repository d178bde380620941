package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;

/** An MLP policy over discrete actions: the network outputs one logit per action. */
public final class CategoricalMlpPolicy extends MlpPolicy {

    private final Discrete actionSpace;

    public CategoricalMlpPolicy(Box observationSpace, Discrete actionSpace, ObservationNormalizer normalizer,
            DenseNetwork network) {
        super(observationSpace, normalizer, network, actionSpace.n());
        this.actionSpace = actionSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public CategoricalDistribution distribution(float[] observation) {
        return CategoricalDistribution.fromLogits(networkOutput(observation));
    }
}
