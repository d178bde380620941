package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;

/**
 * A policy whose action distribution is computed by a {@link DenseNetwork} from the normalised
 * observation; the subclasses say how the network's outputs become a distribution.
 */
public abstract sealed class MlpPolicy implements Policy permits CategoricalMlpPolicy, GaussianMlpPolicy, RegressionMlpPolicy {

    private final Box observationSpace;
    private final ObservationNormalizer normalizer;
    private final DenseNetwork network;

    MlpPolicy(Box observationSpace, ObservationNormalizer normalizer, DenseNetwork network, int expectedOutputs) {
        if (normalizer.dimension() != observationSpace.dimension()) {
            throw new IllegalArgumentException("policy: normaliser has " + normalizer.dimension()
                    + " dimensions, observation space has " + observationSpace.dimension());
        }
        if (network.inputs() != observationSpace.dimension()) {
            throw new IllegalArgumentException("policy: network takes " + network.inputs()
                    + " inputs, observation space has " + observationSpace.dimension() + " dimensions");
        }
        if (network.outputs() != expectedOutputs) {
            throw new IllegalArgumentException("policy: network produces " + network.outputs()
                    + " outputs, expected " + expectedOutputs + " for this action space");
        }
        this.observationSpace = observationSpace;
        this.normalizer = normalizer;
        this.network = network;
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    public ObservationNormalizer normalizer() {
        return normalizer;
    }

    public DenseNetwork network() {
        return network;
    }

    /** The raw network outputs for one observation (logits, or mean and log-std parameters). */
    public float[] networkOutput(float[] observation) {
        return network.forward(normalizer.normalize(observation));
    }
}
