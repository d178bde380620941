package dev.apprentice.il.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable fully connected network evaluated in plain Java. Acting through DL4J costs
 * ~250 µs per single-sample call (JNI, allocation, a synchronized {@code output()}); this forward
 * pass costs a few microseconds and is thread-safe, so serving and rollouts use it on weights
 * exported from the trained DL4J network.
 */
public final class DenseNetwork {

    private final List<Layer> layers;
    /** Each layer's weights as rows {@code [input][output]}, the layout {@link DenseKernels} vectorises. */
    private final float[][][] weightRows;

    /** @param layers at least one layer, each taking the previous layer's outputs as inputs */
    public DenseNetwork(List<Layer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("network: expected at least 1 layer, found none");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("network: layer " + i + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " produces " + layers.get(i - 1).outputs());
            }
        }
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.weightRows = new float[layers.size()][][];
        for (int l = 0; l < layers.size(); l++) {
            weightRows[l] = layers.get(l).weightRows();
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Number of trainable parameters. */
    public int parameterCount() {
        int n = 0;
        for (Layer l : layers) {
            n += l.weights.length + l.bias.length;
        }
        return n;
    }

    /**
     * All parameters as one flat vector, layer after layer, each layer's weights (in
     * {@link Layer#weights()} order) followed by its biases: the view that derivative-free
     * optimisers such as augmented random search perturb and update.
     */
    public float[] parameters() {
        float[] flat = new float[parameterCount()];
        int offset = 0;
        for (Layer l : layers) {
            System.arraycopy(l.weights, 0, flat, offset, l.weights.length);
            offset += l.weights.length;
            System.arraycopy(l.bias, 0, flat, offset, l.bias.length);
            offset += l.bias.length;
        }
        return flat;
    }

    /**
     * A network of the same shape and activations holding {@code flat} as its parameters, in the
     * layout of {@link #parameters()}.
     *
     * @throws IllegalArgumentException when {@code flat} has the wrong length or a non-finite value
     */
    public DenseNetwork withParameters(float[] flat) {
        if (flat == null || flat.length != parameterCount()) {
            throw new IllegalArgumentException("network parameters: expected " + parameterCount() + " values, found "
                    + (flat == null ? "null" : String.valueOf(flat.length)));
        }
        List<Layer> replaced = new ArrayList<>(layers.size());
        int offset = 0;
        for (Layer l : layers) {
            float[] weights = new float[l.weights.length];
            System.arraycopy(flat, offset, weights, 0, weights.length);
            offset += weights.length;
            float[] bias = new float[l.bias.length];
            System.arraycopy(flat, offset, bias, 0, bias.length);
            offset += bias.length;
            replaced.add(new Layer(l.inputs, l.outputs, weights, bias, l.activation));
        }
        return new DenseNetwork(replaced);
    }

    /**
     * Evaluates the network on one input.
     *
     * @throws IllegalArgumentException when the input has the wrong length
     */
    public float[] forward(float[] input) {
        if (input.length != inputs()) {
            throw new IllegalArgumentException("network input: expected " + inputs() + " values, found " + input.length);
        }
        return forward(input, 1);
    }

    /**
     * Evaluates the network on {@code rows} inputs stored row after row, e.g. every step of an
     * episode at once: one pass per layer over the whole batch, faster per row than
     * {@link #forward(float[])} and with the same results.
     *
     * @return {@code rows * outputs()} values, row after row
     * @throws IllegalArgumentException when {@code inputs} does not hold {@code rows} rows
     */
    public float[] forward(float[] inputs, int rows) {
        if (rows < 0 || inputs.length != rows * inputs()) {
            throw new IllegalArgumentException("network input: expected " + rows + " rows of " + inputs()
                    + " values, found " + inputs.length + " values");
        }
        float[][] x = new float[rows][];
        if (rows == 1) {
            x[0] = inputs;
        } else {
            for (int r = 0; r < rows; r++) {
                x[r] = Arrays.copyOfRange(inputs, r * inputs(), (r + 1) * inputs());
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            float[][] y = new float[rows][layer.outputs];
            DenseKernels.affine(x, 0, rows, weightRows[l], layer.inputs, layer.bias, y);
            for (float[] row : y) {
                layer.activation.applyInPlace(row, 0, row.length);
            }
            x = y;
        }
        float[] out = new float[rows * outputs()];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[r], 0, out, r * outputs(), outputs());
        }
        return out;
    }

    /**
     * One dense layer {@code y = f(x W + b)}.
     *
     * @param inputs number of inputs
     * @param outputs number of outputs
     * @param weights {@code inputs * outputs} values, row {@code i} holding input {@code i}'s weights
     * @param bias {@code outputs} values
     * @param activation the non-linearity
     */
    public record Layer(int inputs, int outputs, float[] weights, float[] bias, Activation activation) {

        public Layer {
            if (inputs < 1 || outputs < 1) {
                throw new IllegalArgumentException("layer: inputs and outputs must be at least 1, found "
                        + inputs + " and " + outputs);
            }
            if (weights == null || weights.length != inputs * outputs) {
                throw new IllegalArgumentException("layer: expected " + inputs * outputs + " weights, found "
                        + (weights == null ? "null" : String.valueOf(weights.length)));
            }
            if (bias == null || bias.length != outputs) {
                throw new IllegalArgumentException("layer: expected " + outputs + " biases, found "
                        + (bias == null ? "null" : String.valueOf(bias.length)));
            }
            if (activation == null) {
                throw new IllegalArgumentException("layer: activation is required");
            }
            for (float w : weights) {
                if (!Float.isFinite(w)) {
                    throw new IllegalArgumentException("layer: weights must be finite, found " + w);
                }
            }
            for (float b : bias) {
                if (!Float.isFinite(b)) {
                    throw new IllegalArgumentException("layer: biases must be finite, found " + b);
                }
            }
            weights = weights.clone();
            bias = bias.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public float[] bias() {
            return bias.clone();
        }

        /** The weights as rows {@code [input][output]} (copies). */
        float[][] weightRows() {
            float[][] rows = new float[inputs][];
            for (int i = 0; i < inputs; i++) {
                rows[i] = Arrays.copyOfRange(weights, i * outputs, (i + 1) * outputs);
            }
            return rows;
        }
    }
}
