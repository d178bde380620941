package dev.apprentice.il.policy;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DenseNetworkTest {

    /** 2 inputs → 3 hidden units, weights row i holding input i's weights. */
    private static DenseNetwork.Layer hidden(Activation activation) {
        return new DenseNetwork.Layer(2, 3, new float[] {1, -1, 0.5f, 2, 0, -1}, new float[] {0.5f, 0.25f, -1}, activation);
    }

    /** 3 hidden units → 2 linear outputs. */
    private static final DenseNetwork.Layer OUTPUT =
            new DenseNetwork.Layer(3, 2, new float[] {1, 2, 3, 4, -2, 0.5f}, new float[] {0.1f, -0.2f}, Activation.IDENTITY);

    @Test
    void forwardMatchesHandComputedReluNetwork() {
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.RELU), OUTPUT));

        // hidden pre-activations for x = (1, -2): (0.5 + 1 - 4, 0.25 - 1 + 0, -1 + 0.5 + 2) = (-2.5, -0.75, 1.5)
        // after relu (0, 0, 1.5); output (0.1 + 1.5 * -2, -0.2 + 1.5 * 0.5) = (-2.9, 0.55)
        float[] y = network.forward(new float[] {1, -2});

        assertArrayEquals(new float[] {-2.9f, 0.55f}, y, 1e-6f);
    }

    @Test
    void forwardMatchesHandComputedTanhNetwork() {
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.TANH), OUTPUT));
        double h0 = Math.tanh(-2.5);
        double h1 = Math.tanh(-0.75);
        double h2 = Math.tanh(1.5);

        float[] y = network.forward(new float[] {1, -2});

        assertEquals(0.1 + h0 * 1 + h1 * 3 + h2 * -2, y[0], 1e-6);
        assertEquals(-0.2 + h0 * 2 + h1 * 4 + h2 * 0.5, y[1], 1e-6);
    }

    @Test
    void batchedForwardEqualsRowByRowForward() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        float[] w1 = new float[5 * 7];
        float[] w2 = new float[7 * 3];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) rng.nextGaussian();
        }
        DenseNetwork net = new DenseNetwork(List.of(
                new DenseNetwork.Layer(5, 7, w1, new float[] {0.1f, -0.2f, 0.3f, 0f, 0f, 0.5f, -1f}, Activation.TANH),
                new DenseNetwork.Layer(7, 3, w2, new float[] {1f, 0f, -1f}, Activation.IDENTITY)));
        int rows = 11;
        float[] inputs = new float[rows * 5];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) rng.nextGaussian();
        }

        float[] batched = net.forward(inputs, rows);

        for (int r = 0; r < rows; r++) {
            float[] single = net.forward(java.util.Arrays.copyOfRange(inputs, r * 5, (r + 1) * 5));
            assertArrayEquals(single, java.util.Arrays.copyOfRange(batched, r * 3, (r + 1) * 3), 1e-6f, "row " + r);
        }
        assertRejected(() -> net.forward(new float[9], 2), "network input: expected 2 rows of 5 values, found 9 values");
    }

    @Test
    void reportsShapeAndParameterCount() {
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.RELU), OUTPUT));

        assertEquals(2, network.inputs());
        assertEquals(2, network.outputs());
        assertEquals(6 + 3 + 6 + 2, network.parameterCount());
    }

    @Test
    void rejectsLayerThatDoesNotTakeThePreviousLayersOutputs() {
        DenseNetwork.Layer twoInputs = new DenseNetwork.Layer(2, 1, new float[2], new float[1], Activation.IDENTITY);

        assertRejected(() -> new DenseNetwork(List.of(hidden(Activation.TANH), twoInputs)),
                "layer 1 takes 2 inputs but layer 0 produces 3");
    }

    @Test
    void rejectsNetworkWithoutLayers() {
        assertRejected(() -> new DenseNetwork(List.of()), "expected at least 1 layer, found none");
        assertRejected(() -> new DenseNetwork(null), "expected at least 1 layer, found none");
    }

    @Test
    void rejectsInputOfTheWrongLength() {
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.RELU), OUTPUT));

        assertRejected(() -> network.forward(new float[3]), "network input: expected 2 values, found 3");
    }

    @Test
    void rejectsLayerWithWrongNumberOfWeights() {
        assertRejected(() -> new DenseNetwork.Layer(2, 3, new float[5], new float[3], Activation.TANH),
                "expected 6 weights, found 5");
        assertRejected(() -> new DenseNetwork.Layer(2, 3, null, new float[3], Activation.TANH),
                "expected 6 weights, found null");
    }

    @Test
    void rejectsLayerWithWrongNumberOfBiases() {
        assertRejected(() -> new DenseNetwork.Layer(2, 3, new float[6], new float[2], Activation.TANH),
                "expected 3 biases, found 2");
        assertRejected(() -> new DenseNetwork.Layer(2, 3, new float[6], null, Activation.TANH),
                "expected 3 biases, found null");
    }

    @Test
    void rejectsLayerWithoutInputsOrOutputs() {
        assertRejected(() -> new DenseNetwork.Layer(0, 3, new float[0], new float[3], Activation.TANH),
                "inputs and outputs must be at least 1, found 0 and 3");
        assertRejected(() -> new DenseNetwork.Layer(2, 0, new float[0], new float[0], Activation.TANH),
                "inputs and outputs must be at least 1, found 2 and 0");
    }

    @Test
    void rejectsLayerWithoutActivation() {
        assertRejected(() -> new DenseNetwork.Layer(1, 1, new float[1], new float[1], null), "activation is required");
    }

    @Test
    void rejectsNonFiniteParameters() {
        assertRejected(() -> new DenseNetwork.Layer(1, 2, new float[] {0, Float.NaN}, new float[2], Activation.TANH),
                "weights must be finite, found NaN");
        assertRejected(() -> new DenseNetwork.Layer(1, 2, new float[2], new float[] {Float.POSITIVE_INFINITY, 0},
                Activation.TANH), "biases must be finite, found Infinity");
    }

    @Test
    void layerCopiesItsParameters() {
        float[] weights = {1, 2};
        DenseNetwork.Layer layer = new DenseNetwork.Layer(1, 2, weights, new float[2], Activation.IDENTITY);

        weights[0] = 100;
        layer.weights()[1] = 100;

        assertArrayEquals(new float[] {1, 2}, layer.weights());
    }

    @Test
    void parametersListEachLayersWeightsThenBiasesInLayerOrder() {
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.RELU), OUTPUT));

        float[] flat = network.parameters();

        assertArrayEquals(new float[] {1, -1, 0.5f, 2, 0, -1, 0.5f, 0.25f, -1, 1, 2, 3, 4, -2, 0.5f, 0.1f, -0.2f}, flat);
        assertEquals(network.parameterCount(), flat.length);
    }

    @Test
    void withParametersGivesTheSameShapeWithTheNewValuesAndLeavesTheOriginalUnchanged() {
        // given
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.TANH), OUTPUT));
        float[] doubled = network.parameters();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        float[] input = {0.3f, -0.7f};
        float[] before = network.forward(input);

        // when
        DenseNetwork changed = network.withParameters(doubled);

        // then
        assertArrayEquals(doubled, changed.parameters());
        assertEquals(Activation.TANH, changed.layers().get(0).activation());
        assertEquals(3, changed.layers().get(0).outputs());
        assertArrayEquals(before, network.forward(input));
        DenseNetwork roundTrip = changed.withParameters(network.parameters());
        assertArrayEquals(before, roundTrip.forward(input));
    }

    @Test
    void withParametersRejectsAVectorOfTheWrongLengthOrNonFiniteValues() {
        DenseNetwork network = new DenseNetwork(List.of(hidden(Activation.RELU), OUTPUT));
        float[] nan = network.parameters();
        nan[16] = Float.NaN;

        assertRejected(() -> network.withParameters(new float[16]), "network parameters: expected 17 values, found 16");
        assertRejected(() -> network.withParameters(null), "network parameters: expected 17 values, found null");
        assertRejected(() -> network.withParameters(nan), "biases must be finite, found NaN");
    }

    @Test
    void activationsApplyTheirFunctionAndParseByName() {
        assertEquals((float) Math.tanh(0.7), Activation.TANH.apply(0.7f));
        assertEquals(0f, Activation.RELU.apply(-3f));
        assertEquals(3f, Activation.RELU.apply(3f));
        assertEquals(-3f, Activation.IDENTITY.apply(-3f));
        assertEquals(Activation.RELU, Activation.parse("ReLU"));
        assertRejected(() -> Activation.parse("sigmoid"), "expected one of tanh, relu, identity, found 'sigmoid'");
    }
}
