package dev.apprentice.il.nn;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the networks that policies and discriminators are trained as, on the engine the spec
 * chooses, from the same initial weights whichever it is; exports DL4J weights into the
 * plain-Java {@link DenseNetwork} that acts (acting never touches ND4J) and restores training
 * networks from checkpoints.
 */
public final class PolicyNetworks {

    private PolicyNetworks() {
    }

    /**
     * The shape and optimiser of a training network.
     *
     * @param inputs observation dimension
     * @param hidden hidden layer widths, first to last
     * @param activation hidden-layer activation
     * @param outputs output width (logits, or means and log-std parameters)
     * @param loss the loss the output layer minimises
     * @param learningRate Adam step size
     * @param weightDecay decoupled weight decay coefficient (0 for none)
     * @param seed weight initialisation seed
     * @param maxGradientNorm each layer's gradient is rescaled to at most this L2 norm (0 for no
     *     clipping), as PPO implementations do to survive rare extreme probability ratios
     * @param engine which code trains the network
     */
    public record Spec(int inputs, int[] hidden, Activation activation, int outputs, PlainJavaLoss loss,
            double learningRate, double weightDecay, long seed, double maxGradientNorm, TrainingEngine engine) {

        public Spec {
            hidden = hidden.clone();
            if (engine == null) {
                throw new IllegalArgumentException("engine is required");
            }
        }

        /** A spec without gradient clipping, on the {@link TrainingEngine#AUTO} engine. */
        public Spec(int inputs, int[] hidden, Activation activation, int outputs, PlainJavaLoss loss,
                double learningRate, double weightDecay, long seed) {
            this(inputs, hidden, activation, outputs, loss, learningRate, weightDecay, seed, 0, TrainingEngine.AUTO);
        }

        @Override
        public int[] hidden() {
            return hidden.clone();
        }

        /** Layer widths: inputs, hidden layers, outputs. */
        int[] widths() {
            int[] widths = new int[hidden.length + 2];
            widths[0] = inputs;
            System.arraycopy(hidden, 0, widths, 1, hidden.length);
            widths[widths.length - 1] = outputs;
            return widths;
        }

        /** The engine {@link #engine()} resolves to for this shape. */
        public TrainingEngine resolvedEngine() {
            return engine.resolve(widths());
        }
    }

    /**
     * A freshly initialised network trained with Adam: Xavier-normal weights (variance
     * 2 / (fan-in + fan-out), drawn from the spec's seed) and zero biases, identical on both engines.
     */
    public static TrainableNetwork build(Spec spec) {
        DenseNetwork initial = initialWeights(spec);
        if (spec.resolvedEngine() == TrainingEngine.PLAIN_JAVA) {
            return new PlainJavaNetwork(spec, initial);
        }
        MultiLayerNetwork net = buildDl4j(spec);
        load(net, initial);
        return new Dl4jNetwork(net);
    }

    /**
     * Restores a network {@link TrainableNetwork#saveTo stored} under {@code name}, optimiser
     * state included, on the spec's engine.
     *
     * @throws IllegalArgumentException when the checkpoint holds that network from the other engine or of another shape
     */
    public static TrainableNetwork restore(Checkpoint checkpoint, String name, Spec spec) {
        boolean plain = checkpoint.has(name + ".parameters");
        TrainingEngine engine = spec.resolvedEngine();
        if (plain != (engine == TrainingEngine.PLAIN_JAVA)) {
            throw new IllegalArgumentException("checkpoint network " + name + ": stored by the "
                    + (plain ? TrainingEngine.PLAIN_JAVA : TrainingEngine.DL4J) + " engine, this run trains on " + engine);
        }
        if (plain) {
            return PlainJavaNetwork.restore(checkpoint, name, spec);
        }
        return new Dl4jNetwork(checkpoint.network(name));
    }

    /** A network of the spec's shape and activations with every parameter zero. */
    static DenseNetwork shape(Spec spec) {
        int[] widths = spec.widths();
        List<DenseNetwork.Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            Activation f = l + 2 == widths.length ? Activation.IDENTITY : spec.activation();
            layers.add(new DenseNetwork.Layer(widths[l], widths[l + 1], new float[widths[l] * widths[l + 1]],
                    new float[widths[l + 1]], f));
        }
        return new DenseNetwork(layers);
    }

    private static DenseNetwork initialWeights(Spec spec) {
        DenseNetwork zero = shape(spec);
        float[] params = new float[zero.parameterCount()];
        SplittableRandom rng = new SplittableRandom(spec.seed());
        int offset = 0;
        for (DenseNetwork.Layer layer : zero.layers()) {
            double std = Math.sqrt(2.0 / (layer.inputs() + layer.outputs()));
            int weights = layer.inputs() * layer.outputs();
            for (int i = 0; i < weights; i++) {
                params[offset + i] = (float) (std * rng.nextGaussian());
            }
            offset += weights + layer.outputs();
        }
        return zero.withParameters(params);
    }

    /**
     * The bare DL4J network of a spec, with DL4J's own initial weights, for callers that need
     * DL4J's API itself (e.g. to compare its inference); trainers use {@link #build}.
     */
    public static MultiLayerNetwork buildDl4j(Spec spec) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(spec.learningRate()));
        if (spec.weightDecay() > 0) {
            base.weightDecay(spec.weightDecay());
        }
        if (spec.maxGradientNorm() > 0) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(spec.maxGradientNorm());
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int in = spec.inputs();
        for (int width : spec.hidden()) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(toDl4j(spec.activation())).build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(spec.loss()).nIn(in).nOut(spec.outputs())
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Copies a trained network's weights into a plain-Java network with identical outputs. */
    public static DenseNetwork export(MultiLayerNetwork net) {
        List<DenseNetwork.Layer> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            INDArray w = layer.getParam("W");
            INDArray b = layer.getParam("b");
            int nIn = (int) w.size(0);
            int nOut = (int) w.size(1);
            float[] weights = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
            float[] bias = b.castTo(DataType.FLOAT).dup('c').data().asFloat();
            IActivation fn = ((BaseLayer) layer.conf().getLayer()).getActivationFn();
            layers.add(new DenseNetwork.Layer(nIn, nOut, weights, bias, fromDl4j(fn, i)));
        }
        return new DenseNetwork(layers);
    }

    /**
     * Copies a plain-Java network's weights into a DL4J network of the same shape, e.g. to start
     * adversarial training from a behaviour-cloned policy; the inverse of {@link #export}.
     */
    public static void load(MultiLayerNetwork net, DenseNetwork weights) {
        if (net.getnLayers() != weights.layers().size()) {
            throw new IllegalArgumentException("network: expected " + net.getnLayers() + " layers, found "
                    + weights.layers().size());
        }
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            DenseNetwork.Layer source = weights.layers().get(i);
            INDArray w = layer.getParam("W");
            if (w.size(0) != source.inputs() || w.size(1) != source.outputs()) {
                throw new IllegalArgumentException("layer " + i + ": expected " + w.size(0) + "x" + w.size(1)
                        + " weights, found " + source.inputs() + "x" + source.outputs());
            }
            w.assign(org.nd4j.linalg.factory.Nd4j.create(source.weights(), new long[] {source.inputs(), source.outputs()}, 'c'));
            layer.getParam("b").assign(org.nd4j.linalg.factory.Nd4j.create(source.bias(), new long[] {1, source.outputs()}, 'c'));
        }
    }

    private static org.nd4j.linalg.activations.Activation toDl4j(Activation activation) {
        return switch (activation) {
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }

    private static Activation fromDl4j(IActivation fn, int layer) {
        if (fn instanceof ActivationTanH) {
            return Activation.TANH;
        }
        if (fn instanceof ActivationReLU) {
            return Activation.RELU;
        }
        if (fn instanceof ActivationIdentity) {
            return Activation.IDENTITY;
        }
        throw new IllegalArgumentException("layer " + layer + ": activation " + fn
                + " has no plain-Java counterpart; use tanh, relu or identity");
    }
}
