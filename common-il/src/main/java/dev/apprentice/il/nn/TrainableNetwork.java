package dev.apprentice.il.nn;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.policy.DenseNetwork;

/**
 * A dense network under minibatch Adam training: what every trainer (BC, DAgger, GAIL's policy
 * and value, the discriminator) trains through, whichever {@link TrainingEngine} computes it.
 * Data goes in and out as row-major float arrays; the trained weights leave as an immutable
 * {@link DenseNetwork} for acting. Not thread-safe: one trainer owns it.
 *
 * <pre>{@code
 * TrainableNetwork net = PolicyNetworks.build(spec);
 * double loss = net.fit(features, labels, rows);   // one Adam step on the minibatch
 * DenseNetwork policyWeights = net.export();
 * }</pre>
 */
public interface TrainableNetwork {

    /** The engine that computes this network (never {@link TrainingEngine#AUTO}). */
    TrainingEngine engine();

    /** Input width. */
    int inputs();

    /** Output width. */
    int outputs();

    /**
     * One Adam step on a minibatch.
     *
     * @param features {@code rows * inputs()} values, row after row
     * @param labels {@code rows} rows of the loss's label width
     * @return the minibatch's mean loss before the step
     * @throws IllegalArgumentException when the arrays do not hold {@code rows} rows
     */
    double fit(float[] features, float[] labels, int rows);

    /**
     * The gradient of the minibatch's mean loss with respect to the parameters, in
     * {@link DenseNetwork#parameters()}'s layout, without a step, clipping or weight decay: what
     * meta-learners compose their own updates from.
     */
    float[] gradient(float[] features, float[] labels, int rows);

    /** The mean loss on {@code rows} rows, without training. */
    double score(float[] features, float[] labels, int rows);

    /** The network's outputs for {@code rows} rows, row after row. */
    float[] output(float[] features, int rows);

    /** The current weights as an immutable plain-Java network. */
    DenseNetwork export();

    /** Replaces the weights (not the optimiser state) with those of a network of the same shape, e.g. a warm start. */
    void load(DenseNetwork weights);

    /** The parameters in {@link DenseNetwork#parameters()}'s layout. */
    default float[] parameters() {
        return export().parameters();
    }

    /** Replaces the parameters, given in {@link DenseNetwork#parameters()}'s layout. */
    default void setParameters(float[] parameters) {
        load(export().withParameters(parameters));
    }

    /** Stores the parameters and the optimiser state under {@code name}; {@link PolicyNetworks#restore} reads them back. */
    void saveTo(Checkpoint checkpoint, String name);
}
