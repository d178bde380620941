package dev.apprentice.il.nn;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseKernels;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.Arrays;

/**
 * The {@link TrainingEngine#PLAIN_JAVA} engine: forward pass, backpropagation, per-layer gradient
 * clipping, Adam and weight decay in plain Java, with DL4J's conventions (gradients are minibatch
 * means, Adam's bias correction folded into the step size, weight decay {@code 2·lr·λ·w} on
 * weights only, added to Adam's step). Weights, gradients, moments and activations are arrays of
 * rows, the layout {@link DenseKernels} vectorises; work buffers grow to the largest minibatch
 * seen and are reused, so a step allocates almost nothing.
 */
final class PlainJavaNetwork implements TrainableNetwork {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    /**
     * Rows taken through all layers together, forward and backward: a chunk's activations stay in
     * the core's caches between layers, which made batches of 256 train as fast per row as
     * batches of 64 (measured; over all rows at once, they ran 20 % slower per row).
     */
    private static final int CHUNK = 64;

    private final PolicyNetworks.Spec spec;
    private final int layers;
    private final int[] widths;
    private final Activation[] activations;
    /** Per layer: {@code [input][output]} weight rows followed by one bias row, for parameters, gradients and both moments. */
    private final float[][][] params;
    private final float[][][] gradient;
    private final float[][][] firstMoment;
    private final float[][][] secondMoment;
    private final float[][][] transposed;
    private long step;

    private int capacity;
    /** {@code outputs[l]}: rows of layer l's input (index 0 holds the caller's features). */
    private float[][][] layerInputs;
    /** {@code deltas[l]}: loss gradient at layer l's pre-activations, per row. */
    private float[][][] deltas;
    private float[] flatOutputs;
    private float[] flatGradient;
    private float[] perExample;

    PlainJavaNetwork(PolicyNetworks.Spec spec, DenseNetwork initial) {
        this.spec = spec;
        this.layers = initial.layers().size();
        this.widths = new int[layers + 1];
        this.activations = new Activation[layers];
        widths[0] = initial.inputs();
        for (int l = 0; l < layers; l++) {
            widths[l + 1] = initial.layers().get(l).outputs();
            activations[l] = initial.layers().get(l).activation();
        }
        this.params = shaped();
        this.gradient = shaped();
        this.firstMoment = shaped();
        this.secondMoment = shaped();
        this.transposed = new float[layers][][];
        for (int l = 1; l < layers; l++) {
            transposed[l] = new float[widths[l + 1]][widths[l]];
        }
        setParameters(initial.parameters());
    }

    /** Per layer, {@code inputs} weight rows and one bias row, all zero. */
    private float[][][] shaped() {
        float[][][] m = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            m[l] = new float[widths[l] + 1][widths[l + 1]];
        }
        return m;
    }

    @Override
    public TrainingEngine engine() {
        return TrainingEngine.PLAIN_JAVA;
    }

    @Override
    public int inputs() {
        return widths[0];
    }

    @Override
    public int outputs() {
        return widths[layers];
    }

    @Override
    public double fit(float[] features, float[] labels, int rows) {
        double score = forwardAndLoss(features, labels, rows, true);
        backward(rows);
        clipPerLayer();
        adamStep();
        return score;
    }

    @Override
    public float[] gradient(float[] features, float[] labels, int rows) {
        forwardAndLoss(features, labels, rows, true);
        backward(rows);
        return flatten(gradient);
    }

    @Override
    public double score(float[] features, float[] labels, int rows) {
        return forwardAndLoss(features, labels, rows, false);
    }

    /**
     * Evaluates at most this many rows at a time, so that the work buffers stay the size of a
     * training minibatch when a caller asks for the outputs of a whole data set.
     */
    private static final int OUTPUT_SLICE = 1024;

    @Override
    public float[] output(float[] features, int rows) {
        checkFeatures(features, rows);
        int width = outputs();
        float[] out = new float[rows * width];
        for (int from = 0; from < rows; from += OUTPUT_SLICE) {
            int n = Math.min(OUTPUT_SLICE, rows - from);
            copyRows(features, from, n);
            forward(n);
            float[][] last = layerInputs[layers];
            for (int r = 0; r < n; r++) {
                System.arraycopy(last[r], 0, out, (from + r) * width, width);
            }
        }
        return out;
    }

    @Override
    public DenseNetwork export() {
        return PolicyNetworks.shape(spec).withParameters(flatten(params));
    }

    @Override
    public void load(DenseNetwork weights) {
        setParameters(weights.parameters());
    }

    @Override
    public float[] parameters() {
        return flatten(params);
    }

    @Override
    public void setParameters(float[] parameters) {
        unflatten(parameters, params, "network parameters");
    }

    @Override
    public void saveTo(Checkpoint checkpoint, String name) {
        checkpoint.putFloats(name + ".parameters", flatten(params))
                .putFloats(name + ".adam.m", flatten(firstMoment))
                .putFloats(name + ".adam.v", flatten(secondMoment))
                .putDouble(name + ".adam.step", step);
    }

    /** Restores the state {@link #saveTo} stored, for a network of the spec's shape. */
    static PlainJavaNetwork restore(Checkpoint checkpoint, String name, PolicyNetworks.Spec spec) {
        PlainJavaNetwork net = new PlainJavaNetwork(spec, PolicyNetworks.shape(spec));
        net.unflatten(checkpoint.floats(name + ".parameters"), net.params, "checkpoint network " + name + " parameters");
        net.unflatten(checkpoint.floats(name + ".adam.m"), net.firstMoment, "checkpoint network " + name + " first moments");
        net.unflatten(checkpoint.floats(name + ".adam.v"), net.secondMoment, "checkpoint network " + name + " second moments");
        net.step = (long) checkpoint.getDouble(name + ".adam.step");
        return net;
    }

    /** Layer after layer, the weight rows then the bias: {@link DenseNetwork#parameters()}'s layout. */
    private float[] flatten(float[][][] m) {
        int count = 0;
        for (float[][] layer : m) {
            count += layer.length * layer[0].length;
        }
        float[] flat = new float[count];
        int offset = 0;
        for (float[][] layer : m) {
            for (float[] row : layer) {
                System.arraycopy(row, 0, flat, offset, row.length);
                offset += row.length;
            }
        }
        return flat;
    }

    private void unflatten(float[] flat, float[][][] into, String what) {
        int count = 0;
        for (float[][] layer : into) {
            count += layer.length * layer[0].length;
        }
        if (flat.length != count) {
            throw new IllegalArgumentException(what + ": expected " + count + " values, found " + flat.length);
        }
        int offset = 0;
        for (float[][] layer : into) {
            for (float[] row : layer) {
                System.arraycopy(flat, offset, row, 0, row.length);
                offset += row.length;
            }
        }
    }

    /** Checks that {@code features} holds {@code rows} rows and copies them into the first layer's input buffer. */
    private void load(float[] features, int rows) {
        checkFeatures(features, rows);
        copyRows(features, 0, rows);
    }

    private void checkFeatures(float[] features, int rows) {
        int in = inputs();
        if (rows < 1 || features.length != rows * in) {
            throw new IllegalArgumentException("network input: expected " + rows + " rows of " + in
                    + " values, found " + features.length + " values");
        }
    }

    /** Copies rows {@code from} to {@code from + n − 1} of {@code features} into the first layer's input buffer. */
    private void copyRows(float[] features, int from, int n) {
        int in = inputs();
        ensureCapacity(n);
        float[][] x = layerInputs[0];
        for (int r = 0; r < n; r++) {
            System.arraycopy(features, (from + r) * in, x[r], 0, in);
        }
    }

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        capacity = Math.max(rows, 2 * capacity);
        layerInputs = new float[layers + 1][][];
        deltas = new float[layers][][];
        for (int l = 0; l <= layers; l++) {
            layerInputs[l] = new float[capacity][widths[l]];
        }
        for (int l = 0; l < layers; l++) {
            deltas[l] = new float[capacity][widths[l + 1]];
        }
        flatOutputs = new float[capacity * outputs()];
        flatGradient = new float[capacity * outputs()];
        perExample = new float[capacity];
    }

    private void forward(int rows) {
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            for (int l = 0; l < layers; l++) {
                float[][] layer = params[l];
                float[][] y = layerInputs[l + 1];
                DenseKernels.affine(layerInputs[l], from, to, layer, widths[l], layer[widths[l]], y);
                for (int r = from; r < to; r++) {
                    activations[l].applyInPlace(y[r], 0, widths[l + 1]);
                }
            }
        }
    }

    /** Forward pass and loss; when {@code withGradient}, leaves the mean loss's gradient at the outputs in the last delta. */
    private double forwardAndLoss(float[] features, float[] labels, int rows, boolean withGradient) {
        load(features, rows);
        if (labels.length % rows != 0) {
            throw new IllegalArgumentException("labels: expected " + rows + " rows, found " + labels.length
                    + " values, not a multiple of " + rows);
        }
        forward(rows);
        int width = outputs();
        float[][] out = layerInputs[layers];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(out[r], 0, flatOutputs, r * width, width);
        }
        // The flat buffers may be longer than rows: losses only touch the first rows.
        spec.loss().batchLoss(flatOutputs, rows, width, labels, labels.length / rows, perExample,
                withGradient ? flatGradient : null);
        if (withGradient) {
            float scale = 1f / rows;
            float[][] d = deltas[layers - 1];
            for (int r = 0; r < rows; r++) {
                float[] dr = d[r];
                for (int j = 0; j < width; j++) {
                    dr[j] = flatGradient[r * width + j] * scale;
                }
            }
        }
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += perExample[i];
        }
        return sum / rows + weightDecayScore();
    }

    /** λ·Σw² over the weights (not the biases), the term DL4J adds to its score under weight decay. */
    private double weightDecayScore() {
        if (spec.weightDecay() <= 0) {
            return 0;
        }
        double squares = 0;
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < widths[l]; k++) {
                for (float w : params[l][k]) {
                    squares += (double) w * w;
                }
            }
        }
        return spec.weightDecay() * squares;
    }

    private void backward(int rows) {
        for (int l = 0; l < layers; l++) {
            for (float[] row : gradient[l]) {
                Arrays.fill(row, 0f);
            }
            if (l > 0) {
                DenseKernels.transpose(params[l], widths[l], transposed[l]);
            }
        }
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            for (int l = layers - 1; l >= 0; l--) {
                int in = widths[l];
                float[][] g = gradient[l];
                DenseKernels.accumulateGradient(layerInputs[l], deltas[l], from, to, g, in, g[in]);
                if (l > 0) {
                    float[][] below = deltas[l - 1];
                    DenseKernels.backpropagate(deltas[l], from, to, transposed[l], below);
                    Activation f = activations[l - 1];
                    float[][] x = layerInputs[l];
                    for (int r = from; r < to; r++) {
                        f.multiplyByDerivative(below[r], x[r], in);
                    }
                }
            }
        }
    }

    /** Rescales each layer's mean gradient (weights and biases together) to at most the spec's L2 norm. */
    private void clipPerLayer() {
        double limit = spec.maxGradientNorm();
        if (limit <= 0) {
            return;
        }
        for (float[][] layer : gradient) {
            double squares = 0;
            for (float[] row : layer) {
                for (float v : row) {
                    squares += (double) v * v;
                }
            }
            double norm = Math.sqrt(squares);
            if (norm > limit) {
                float scale = (float) (limit / norm);
                for (float[] row : layer) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] *= scale;
                    }
                }
            }
        }
    }

    private void adamStep() {
        step++;
        double lr = spec.learningRate();
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
        // DL4J's weight decay scores λ·Σw² and steps 2·lr·λ·w (measured by TrainingEngineParityTest).
        float decay = (float) (2 * lr * spec.weightDecay());
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k <= widths[l]; k++) {
                adamStep(params[l][k], gradient[l][k], firstMoment[l][k], secondMoment[l][k], alpha,
                        k < widths[l] ? decay : 0f);
            }
        }
    }

    /** Adam on one row, plus weight decay {@code decay · w} of the parameters before the step. */
    private static void adamStep(float[] p, float[] g, float[] m, float[] v, float alpha, float decay) {
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float eps = (float) EPSILON;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + (1 - b1) * gi;
            float vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps) + decay * p[i];
        }
    }
}
