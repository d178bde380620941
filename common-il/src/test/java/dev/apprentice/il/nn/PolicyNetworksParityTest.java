package dev.apprentice.il.nn;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plain-Java forward pass that serves policies must compute what the DL4J network it was exported from computes. */
class PolicyNetworksParityTest {

    private static MultiLayerNetwork twentySixtyFourSixtyFourFive(Activation activation) {
        return PolicyNetworks.buildDl4j(new PolicyNetworks.Spec(20, new int[] {64, 64}, activation, 5,
                new CategoricalNllLoss(0), 1e-3, 0, 7));
    }

    /**
     * Replaces every parameter, biases included, with a random value: freshly initialised biases
     * are zero and would hide a bias that is exported wrongly.
     */
    private static void randomiseParameters(MultiLayerNetwork net, long seed) {
        Random rng = new Random(seed);
        float[] params = new float[(int) net.numParams()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (0.15 * rng.nextGaussian());
        }
        net.setParams(Nd4j.create(params, new long[] {1, params.length}, 'c'));
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void exportedNetworkMatchesDl4jOutputOnRandomInputs(Activation activation) {
        MultiLayerNetwork net = twentySixtyFourSixtyFourFive(activation);
        randomiseParameters(net, 11);
        Random rng = new Random(5);
        float[][] inputs = new float[100][20];
        for (float[] row : inputs) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (2 * rng.nextGaussian());
            }
        }

        DenseNetwork exported = PolicyNetworks.export(net);
        INDArray expected = net.output(Nd4j.create(inputs).castTo(DataType.FLOAT));

        double worst = 0;
        double largest = 0;
        for (int i = 0; i < inputs.length; i++) {
            float[] actual = exported.forward(inputs[i]);
            for (int j = 0; j < 5; j++) {
                worst = Math.max(worst, Math.abs(actual[j] - expected.getDouble(i, j)));
                largest = Math.max(largest, Math.abs(actual[j]));
            }
        }
        assertTrue(worst <= 1e-5, "largest difference " + worst);
        assertTrue(largest > 0.5, "outputs too small to tell networks apart: " + largest);
    }

    @Test
    void exportedNetworkHasTheSameShapeAndActivations() {
        DenseNetwork exported = PolicyNetworks.export(twentySixtyFourSixtyFourFive(Activation.RELU));

        List<DenseNetwork.Layer> layers = exported.layers();
        assertEquals(3, layers.size());
        assertEquals(20, layers.get(0).inputs());
        assertEquals(64, layers.get(1).inputs());
        assertEquals(5, layers.get(2).outputs());
        assertEquals(List.of(Activation.RELU, Activation.RELU, Activation.IDENTITY),
                layers.stream().map(DenseNetwork.Layer::activation).toList());
        assertEquals(20 * 64 + 64 + 64 * 64 + 64 + 64 * 5 + 5, exported.parameterCount());
    }

    @Test
    void exportRejectsActivationWithoutPlainJavaCounterpart() {
        MultiLayerNetwork sigmoid = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).activation(org.nd4j.linalg.activations.Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(new CategoricalNllLoss(0)).nIn(4).nOut(2)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build())
                .build());
        sigmoid.init();

        assertRejected(() -> PolicyNetworks.export(sigmoid), "layer 0: activation", "has no plain-Java counterpart");
    }
}
