package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.Checkpoint;

/**
 * Adam (Kingma and Ba 2015, bias-corrected, β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on one flat parameter
 * vector with a gradient computed elsewhere: the meta-update of every meta-learner here, whose
 * "gradient" is assembled from many tasks' inner loops rather than backpropagated by a network.
 * Moments and step count are kept in doubles and checkpointed exactly.
 */
final class MetaAdam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] first;
    private final double[] second;
    private long steps;

    MetaAdam(double learningRate, int size) {
        this.learningRate = learningRate;
        this.first = new double[size];
        this.second = new double[size];
    }

    /** Moves {@code parameters} up the {@code gradient} (maximising an objective, as NoRML's outer loop). */
    void ascend(double[] parameters, double[] gradient) {
        step(parameters, gradient, 1);
    }

    /** Moves {@code parameters} down the {@code gradient} (minimising a loss, as MAML's and Reptile's). */
    void descend(double[] parameters, double[] gradient) {
        step(parameters, gradient, -1);
    }

    private void step(double[] parameters, double[] gradient, int direction) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < parameters.length; i++) {
            first[i] = BETA1 * first[i] + (1 - BETA1) * gradient[i];
            second[i] = BETA2 * second[i] + (1 - BETA2) * gradient[i] * gradient[i];
            parameters[i] += direction * learningRate * (first[i] / c1) / (Math.sqrt(second[i] / c2) + EPSILON);
        }
    }

    /** Stores the moments and the step count under {@code name}. */
    void saveTo(Checkpoint checkpoint, String name) {
        checkpoint.putDoubles(name + ".first", first).putDoubles(name + ".second", second).putDouble(name + ".steps", steps);
    }

    /** Restores what {@link #saveTo} stored. */
    void restore(Checkpoint checkpoint, String name) {
        double[] m = checkpoint.doubles(name + ".first");
        double[] v = checkpoint.doubles(name + ".second");
        if (m.length != first.length || v.length != second.length) {
            throw new IllegalArgumentException("checkpoint " + name + ": expected " + first.length + " moments, found "
                    + m.length + " and " + v.length);
        }
        System.arraycopy(m, 0, first, 0, m.length);
        System.arraycopy(v, 0, second, 0, v.length);
        steps = (long) checkpoint.getDouble(name + ".steps");
    }
}
