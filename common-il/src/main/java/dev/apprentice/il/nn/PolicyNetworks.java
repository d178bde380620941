package dev.apprentice.il.nn;

import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.ArrayList;
import java.util.List;
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
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Builds the DL4J networks that policies are trained as, and exports trained weights into the
 * plain-Java {@link DenseNetwork} that acts. Training happens here; acting never touches ND4J.
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
     */
    public record Spec(int inputs, int[] hidden, Activation activation, int outputs, ILossFunction loss,
            double learningRate, double weightDecay, long seed, double maxGradientNorm) {

        /** A spec without gradient clipping. */
        public Spec(int inputs, int[] hidden, Activation activation, int outputs, ILossFunction loss,
                double learningRate, double weightDecay, long seed) {
            this(inputs, hidden, activation, outputs, loss, learningRate, weightDecay, seed, 0);
        }
    }

    /** A freshly initialised (Xavier) network trained with Adam. */
    public static MultiLayerNetwork build(Spec spec) {
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
