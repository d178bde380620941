package dev.apprentice.il.algorithms.meta;

import java.util.SplittableRandom;

/**
 * The shape of NoRML's learned advantage A_ψ(s, a, s′): a tanh MLP with one linear output, as in
 * the paper's experiments (two hidden layers of 50). Parameters live outside, as one flat vector
 * (per layer: weights row after row, one row per unit, then biases), because the meta-learner
 * updates them with its own optimiser and only needs values and parameter gradients.
 */
final class AdvantageNetwork {

    private final int inputs;
    private final int[] hidden;

    AdvantageNetwork(int inputs, int[] hidden) {
        this.inputs = inputs;
        this.hidden = hidden.clone();
    }

    int parameterCount() {
        int n = 0;
        int fanIn = inputs;
        for (int width : hidden) {
            n += width * fanIn + width;
            fanIn = width;
        }
        return n + fanIn + 1;
    }

    /**
     * Glorot-uniform hidden layers and a zero output layer: A_ψ starts at 0 everywhere, so the
     * first inner steps move the policy only through the learned offset.
     */
    double[] initialParameters(SplittableRandom rng) {
        double[] p = new double[parameterCount()];
        int at = 0;
        int fanIn = inputs;
        for (int width : hidden) {
            double limit = Math.sqrt(6.0 / (fanIn + width));
            for (int i = 0; i < width * fanIn; i++) {
                p[at++] = rng.nextDouble(-limit, limit);
            }
            at += width;
            fanIn = width;
        }
        return p;
    }

    /** A_ψ(input). */
    double value(double[] parameters, double[] input) {
        return forward(parameters, input, null);
    }

    /** Adds {@code weight · ∇ψ A_ψ(input)} to {@code into}. */
    void addGradient(double[] parameters, double[] input, double weight, double[] into) {
        double[][] activations = new double[hidden.length + 1][];
        forward(parameters, input, activations);
        int[] starts = layerStarts();
        double[] last = activations[hidden.length];
        int out = starts[hidden.length];
        double[] delta = new double[last.length];
        for (int i = 0; i < last.length; i++) {
            into[out + i] += weight * last[i];
            delta[i] = weight * parameters[out + i];
        }
        into[out + last.length] += weight;
        for (int l = hidden.length - 1; l >= 0; l--) {
            double[] h = activations[l + 1];
            double[] below = activations[l];
            int width = hidden[l];
            int w = starts[l];
            int b = w + width * below.length;
            double[] deltaBelow = new double[below.length];
            for (int u = 0; u < width; u++) {
                double dz = delta[u] * (1 - h[u] * h[u]);
                into[b + u] += dz;
                int row = w + u * below.length;
                for (int j = 0; j < below.length; j++) {
                    into[row + j] += dz * below[j];
                    deltaBelow[j] += dz * parameters[row + j];
                }
            }
            delta = deltaBelow;
        }
    }

    private double forward(double[] parameters, double[] input, double[][] keep) {
        double[] h = input;
        if (keep != null) {
            keep[0] = h;
        }
        int at = 0;
        for (int l = 0; l < hidden.length; l++) {
            int width = hidden[l];
            double[] next = new double[width];
            int b = at + width * h.length;
            for (int u = 0; u < width; u++) {
                double z = parameters[b + u];
                int row = at + u * h.length;
                for (int j = 0; j < h.length; j++) {
                    z += parameters[row + j] * h[j];
                }
                next[u] = Math.tanh(z);
            }
            at = b + width;
            h = next;
            if (keep != null) {
                keep[l + 1] = h;
            }
        }
        double v = parameters[at + h.length];
        for (int j = 0; j < h.length; j++) {
            v += parameters[at + j] * h[j];
        }
        return v;
    }

    private int[] layerStarts() {
        int[] starts = new int[hidden.length + 1];
        int at = 0;
        int fanIn = inputs;
        for (int l = 0; l < hidden.length; l++) {
            starts[l] = at;
            at += hidden[l] * fanIn + hidden[l];
            fanIn = hidden[l];
        }
        starts[hidden.length] = at;
        return starts;
    }
}
