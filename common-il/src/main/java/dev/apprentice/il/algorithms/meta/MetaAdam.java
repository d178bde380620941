package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.Checkpoint;

/**
 * Adam (Kingma and Ba 2015) on a flat parameter vector with a gradient computed elsewhere: the
 * meta-update of MAML and Reptile, whose "gradient" is assembled from many tasks' inner loops
 * rather than backpropagated by a network. Bias-corrected, β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
 */
final class MetaAdam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final float[] firstMoment;
    private final float[] secondMoment;
    private long step;

    MetaAdam(int parameters, double learningRate) {
        this.learningRate = learningRate;
        this.firstMoment = new float[parameters];
        this.secondMoment = new float[parameters];
    }

    /** Moves {@code parameters} one step against {@code gradient}. */
    void step(float[] parameters, float[] gradient) {
        step++;
        double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            double m = BETA1 * firstMoment[i] + (1 - BETA1) * g;
            double v = BETA2 * secondMoment[i] + (1 - BETA2) * g * g;
            firstMoment[i] = (float) m;
            secondMoment[i] = (float) v;
            parameters[i] -= (float) (alpha * m / (Math.sqrt(v) + EPSILON));
        }
    }

    void saveTo(Checkpoint checkpoint, String name) {
        checkpoint.putFloats(name + ".m", firstMoment).putFloats(name + ".v", secondMoment)
                .putDouble(name + ".step", step);
    }

    void restore(Checkpoint checkpoint, String name) {
        float[] m = checkpoint.floats(name + ".m");
        float[] v = checkpoint.floats(name + ".v");
        if (m.length != firstMoment.length || v.length != secondMoment.length) {
            throw new IllegalArgumentException("checkpoint " + name + ": expected " + firstMoment.length
                    + " moments, found " + m.length + " and " + v.length);
        }
        System.arraycopy(m, 0, firstMoment, 0, m.length);
        System.arraycopy(v, 0, secondMoment, 0, v.length);
        step = (long) checkpoint.getDouble(name + ".step");
    }
}
