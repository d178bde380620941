package dev.apprentice.il.algorithms.rail;

import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic policies θ ↦ π_θ that random search explores, with θ one flat vector, so the
 * optimiser never needs to know whether it perturbs a matrix or a network.
 */
abstract class PolicyFamily {

    /** The family {@code config} names, for these spaces. */
    static PolicyFamily of(ArsConfig config, Box observationSpace, Space actionSpace) {
        return switch (config.policyType()) {
            case LINEAR -> new Linear(observationSpace, actionSpace, config.intercept());
            case MLP -> new Mlp(observationSpace, actionSpace, config.hiddenSizes());
        };
    }

    /** Length of θ. */
    abstract int parameterCount();

    /** θ₀: where the search starts. */
    abstract double[] initialParameters(long seed);

    /** π_θ acting on observations normalised by {@code normalizer}. */
    abstract Policy policy(float[] parameters, ObservationNormalizer normalizer);

    /**
     * The linear policy of ARS, started at M = 0 as Mania, Guy and Recht (2018) do; with an
     * intercept, θ holds each row of M followed by its intercept.
     */
    private static final class Linear extends PolicyFamily {
        private final Box observationSpace;
        private final Space actionSpace;
        private final boolean intercept;

        Linear(Box observationSpace, Space actionSpace, boolean intercept) {
            this.observationSpace = observationSpace;
            this.actionSpace = actionSpace;
            this.intercept = intercept;
        }

        @Override
        int parameterCount() {
            return LinearPolicy.outputRows(actionSpace) * (observationSpace.dimension() + (intercept ? 1 : 0));
        }

        @Override
        double[] initialParameters(long seed) {
            return new double[parameterCount()];
        }

        @Override
        Policy policy(float[] parameters, ObservationNormalizer normalizer) {
            return new LinearPolicy(observationSpace, actionSpace, normalizer, parameters);
        }
    }

    /**
     * A tanh MLP acting greedily: a {@link CategoricalMlpPolicy} for discrete actions, a
     * {@link GaussianMlpPolicy}'s squashed mean for boxes. Hidden layers start Glorot-uniform
     * (Glorot and Bengio 2010) and the output layer at zero, so π_θ₀ is as neutral as M = 0. For
     * boxes θ leaves out the log-std outputs: they stay zero, since greedy acting never reads them.
     */
    private static final class Mlp extends PolicyFamily {
        private final Box observationSpace;
        private final Space actionSpace;
        private final DenseNetwork shape;
        /** Position in the network's flat parameters of each coordinate of θ. */
        private final int[] searched;

        Mlp(Box observationSpace, Space actionSpace, int[] hiddenSizes) {
            if (actionSpace instanceof Box box && !box.isBounded()) {
                throw new IllegalArgumentException("policyType: an MLP policy squashes its actions into the action box, "
                        + "which needs finite bounds, found " + box + "; use the linear policy");
            }
            this.observationSpace = observationSpace;
            this.actionSpace = actionSpace;
            int outputs = actionSpace instanceof Discrete d ? d.n() : 2 * actionSpace.width();
            List<DenseNetwork.Layer> layers = new ArrayList<>();
            int inputs = observationSpace.dimension();
            for (int width : hiddenSizes) {
                layers.add(new DenseNetwork.Layer(inputs, width, new float[inputs * width], new float[width],
                        Activation.TANH));
                inputs = width;
            }
            layers.add(new DenseNetwork.Layer(inputs, outputs, new float[inputs * outputs], new float[outputs],
                    Activation.IDENTITY));
            this.shape = new DenseNetwork(layers);
            int used = actionSpace instanceof Discrete ? outputs : actionSpace.width();
            int outputStart = shape.parameterCount() - inputs * outputs - outputs;
            this.searched = new int[outputStart + (inputs + 1) * used];
            int n = 0;
            for (int p = 0; p < outputStart; p++) {
                searched[n++] = p;
            }
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < used; j++) {
                    searched[n++] = outputStart + i * outputs + j;
                }
            }
            for (int j = 0; j < used; j++) {
                searched[n++] = outputStart + inputs * outputs + j;
            }
        }

        @Override
        int parameterCount() {
            return searched.length;
        }

        @Override
        double[] initialParameters(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            float[] full = new float[shape.parameterCount()];
            int offset = 0;
            List<DenseNetwork.Layer> layers = shape.layers();
            for (int l = 0; l < layers.size() - 1; l++) {
                DenseNetwork.Layer layer = layers.get(l);
                double limit = Math.sqrt(6.0 / (layer.inputs() + layer.outputs()));
                for (int i = 0; i < layer.inputs() * layer.outputs(); i++) {
                    full[offset + i] = (float) rng.nextDouble(-limit, limit);
                }
                offset += layer.inputs() * layer.outputs() + layer.outputs();
            }
            double[] theta = new double[searched.length];
            for (int i = 0; i < searched.length; i++) {
                theta[i] = full[searched[i]];
            }
            return theta;
        }

        @Override
        Policy policy(float[] parameters, ObservationNormalizer normalizer) {
            float[] full = new float[shape.parameterCount()];
            for (int i = 0; i < searched.length; i++) {
                full[searched[i]] = parameters[i];
            }
            DenseNetwork network = shape.withParameters(full);
            if (actionSpace instanceof Discrete d) {
                return new CategoricalMlpPolicy(observationSpace, d, normalizer, network);
            }
            return new GaussianMlpPolicy(observationSpace, (Box) actionSpace, normalizer, network);
        }
    }
}
