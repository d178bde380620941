package dev.apprentice.il.nn;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseKernels;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.Arrays;

/**
 * The {@link TrainingEngine#PLAIN_JAVA} engine: forward pass, backpropagation, per-layer gradient
 * clipping, Adam and decoupled weight decay on one flat float array in {@link DenseNetwork}'s
 * parameter layout, with DL4J's conventions (gradients are minibatch means, Adam's bias
 * correction folded into the step size, weight decay {@code 2·lr·λ·w} on weights only, added to
 * Adam's step). Work buffers grow to the largest minibatch seen and are reused, so a step allocates
 * nothing.
 */
final class PlainJavaNetwork implements TrainableNetwork {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final PolicyNetworks.Spec spec;
    private final int layers;
    private final int[] widths;
    private final Activation[] activations;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final float[] params;
    private final float[] gradient;
    private final float[] firstMoment;
    private final float[] secondMoment;
    private long step;

    private int capacity;
    /** {@code activations[l]}: outputs of layer l − 1 for each row; index 0 is unused (the caller's features). */
    private float[][] layerOutputs;
    /** {@code deltas[l]}: loss gradient at layer l's pre-activations. */
    private float[][] deltas;
    private float[] perExample;
    private final float[][] transposed;

    PlainJavaNetwork(PolicyNetworks.Spec spec, DenseNetwork initial) {
        this.spec = spec;
        this.layers = initial.layers().size();
        this.widths = new int[layers + 1];
        this.activations = new Activation[layers];
        this.weightOffset = new int[layers];
        this.biasOffset = new int[layers];
        widths[0] = initial.inputs();
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            DenseNetwork.Layer layer = initial.layers().get(l);
            widths[l + 1] = layer.outputs();
            activations[l] = layer.activation();
            weightOffset[l] = offset;
            offset += layer.inputs() * layer.outputs();
            biasOffset[l] = offset;
            offset += layer.outputs();
        }
        this.params = initial.parameters();
        this.gradient = new float[params.length];
        this.firstMoment = new float[params.length];
        this.secondMoment = new float[params.length];
        this.transposed = new float[layers][];
        for (int l = 1; l < layers; l++) {
            transposed[l] = new float[widths[l] * widths[l + 1]];
        }
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
        backward(features, rows);
        clipPerLayer();
        adamStep();
        return score;
    }

    /** The mean loss's gradient (before clipping) in the parameter layout, without a step: for the parity tests. */
    float[] gradient(float[] features, float[] labels, int rows) {
        forwardAndLoss(features, labels, rows, true);
        backward(features, rows);
        return gradient.clone();
    }

    @Override
    public double score(float[] features, float[] labels, int rows) {
        return forwardAndLoss(features, labels, rows, false);
    }

    @Override
    public float[] output(float[] features, int rows) {
        checkFeatures(features, rows);
        ensureCapacity(rows);
        forward(features, rows);
        return Arrays.copyOf(layerOutputs[layers], rows * outputs());
    }

    @Override
    public DenseNetwork export() {
        return PolicyNetworks.shape(spec).withParameters(params);
    }

    @Override
    public void load(DenseNetwork weights) {
        setParameters(weights.parameters());
    }

    @Override
    public float[] parameters() {
        return params.clone();
    }

    @Override
    public void setParameters(float[] parameters) {
        if (parameters.length != params.length) {
            throw new IllegalArgumentException("network parameters: expected " + params.length + " values, found "
                    + parameters.length);
        }
        System.arraycopy(parameters, 0, params, 0, params.length);
    }

    @Override
    public void saveTo(Checkpoint checkpoint, String name) {
        checkpoint.putFloats(name + ".parameters", params)
                .putFloats(name + ".adam.m", firstMoment)
                .putFloats(name + ".adam.v", secondMoment)
                .putDouble(name + ".adam.step", step);
    }

    /** Restores the state {@link #saveTo} stored, for a network of the spec's shape. */
    static PlainJavaNetwork restore(Checkpoint checkpoint, String name, PolicyNetworks.Spec spec) {
        PlainJavaNetwork net = new PlainJavaNetwork(spec, PolicyNetworks.shape(spec));
        float[] p = checkpoint.floats(name + ".parameters");
        float[] m = checkpoint.floats(name + ".adam.m");
        float[] v = checkpoint.floats(name + ".adam.v");
        if (p.length != net.params.length || m.length != p.length || v.length != p.length) {
            throw new IllegalArgumentException("checkpoint network " + name + ": expected " + net.params.length
                    + " parameters and moments, found " + p.length + ", " + m.length + " and " + v.length);
        }
        net.setParameters(p);
        System.arraycopy(m, 0, net.firstMoment, 0, m.length);
        System.arraycopy(v, 0, net.secondMoment, 0, v.length);
        net.step = (long) checkpoint.getDouble(name + ".adam.step");
        return net;
    }

    private void checkFeatures(float[] features, int rows) {
        if (rows < 1 || features.length != rows * inputs()) {
            throw new IllegalArgumentException("network input: expected " + rows + " rows of " + inputs()
                    + " values, found " + features.length + " values");
        }
    }

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        capacity = Math.max(rows, 2 * capacity);
        layerOutputs = new float[layers + 1][];
        deltas = new float[layers][];
        for (int l = 1; l <= layers; l++) {
            layerOutputs[l] = new float[capacity * widths[l]];
        }
        for (int l = 0; l < layers; l++) {
            deltas[l] = new float[capacity * widths[l + 1]];
        }
        perExample = new float[capacity];
    }

    private void forward(float[] features, int rows) {
        float[] x = features;
        for (int l = 0; l < layers; l++) {
            float[] y = layerOutputs[l + 1];
            DenseKernels.affine(x, rows, widths[l], params, weightOffset[l], params, biasOffset[l], widths[l + 1], y);
            activations[l].applyInPlace(y, 0, rows * widths[l + 1]);
            x = y;
        }
    }

    /** Forward pass and loss; when {@code withGradient}, leaves the mean loss's gradient at the outputs in the last delta. */
    private double forwardAndLoss(float[] features, float[] labels, int rows, boolean withGradient) {
        checkFeatures(features, rows);
        if (labels.length % rows != 0) {
            throw new IllegalArgumentException("labels: expected " + rows + " rows, found " + labels.length
                    + " values, not a multiple of " + rows);
        }
        ensureCapacity(rows);
        forward(features, rows);
        int width = outputs();
        // The buffers may be longer than rows: losses only touch the first rows.
        float[] d = withGradient ? deltas[layers - 1] : null;
        spec.loss().batchLoss(layerOutputs[layers], rows, width, labels, labels.length / rows, perExample, d);
        if (withGradient) {
            float scale = 1f / rows;
            for (int i = 0; i < rows * width; i++) {
                d[i] *= scale;
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
            for (int i = weightOffset[l]; i < biasOffset[l]; i++) {
                squares += (double) params[i] * params[i];
            }
        }
        return spec.weightDecay() * squares;
    }

    private void backward(float[] features, int rows) {
        Arrays.fill(gradient, 0f);
        for (int l = layers - 1; l >= 0; l--) {
            float[] x = l == 0 ? features : layerOutputs[l];
            int in = widths[l];
            int out = widths[l + 1];
            DenseKernels.accumulateGradient(x, deltas[l], rows, in, out, gradient, weightOffset[l], biasOffset[l]);
            if (l > 0) {
                DenseKernels.transpose(params, weightOffset[l], in, out, transposed[l]);
                float[] below = deltas[l - 1];
                DenseKernels.backpropagate(deltas[l], rows, out, transposed[l], in, below);
                activations[l - 1].multiplyByDerivative(below, x, rows * in);
            }
        }
    }

    /** Rescales each layer's mean gradient (weights and biases together) to at most the spec's L2 norm. */
    private void clipPerLayer() {
        double limit = spec.maxGradientNorm();
        if (limit <= 0) {
            return;
        }
        for (int l = 0; l < layers; l++) {
            int from = weightOffset[l];
            int to = biasOffset[l] + widths[l + 1];
            double squares = 0;
            for (int i = from; i < to; i++) {
                squares += (double) gradient[i] * gradient[i];
            }
            double norm = Math.sqrt(squares);
            if (norm > limit) {
                float scale = (float) (limit / norm);
                for (int i = from; i < to; i++) {
                    gradient[i] *= scale;
                }
            }
        }
    }

    /** Adam on params[from..to), plus weight decay {@code decay · w} of the parameters before the step. */
    private void adamStep(int from, int to, float a, float b1, float b2, float eps, float decay) {
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float m = b1 * firstMoment[i] + (1 - b1) * g;
            float v = b2 * secondMoment[i] + (1 - b2) * g * g;
            firstMoment[i] = m;
            secondMoment[i] = v;
            params[i] -= a * m / ((float) Math.sqrt(v) + eps) + decay * params[i];
        }
    }

    private void adamStep() {
        step++;
        double lr = spec.learningRate();
        double alpha = lr * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float a = (float) alpha;
        float eps = (float) EPSILON;
        // DL4J's weight decay scores λ·Σw² and steps 2·lr·λ·w (measured by TrainingEngineParityTest).
        float decay = (float) (2 * lr * spec.weightDecay());
        for (int l = 0; l < layers; l++) {
            adamStep(weightOffset[l], biasOffset[l], a, b1, b2, eps, decay);
            adamStep(biasOffset[l], biasOffset[l] + widths[l + 1], a, b1, b2, eps, 0f);
        }
    }
}
