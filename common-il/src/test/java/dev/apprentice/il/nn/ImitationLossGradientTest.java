package dev.apprentice.il.nn;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The imitation losses' analytic gradients against central finite differences of their own
 * per-example scores, and the discrete loss against DL4J's cross-entropy in training.
 */
class ImitationLossGradientTest {

    private static final double STEP = 5e-3;

    private static INDArray gaussianMatrix(Random rng, int rows, int cols, double scale) {
        float[][] values = new float[rows][cols];
        for (float[] row : values) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (scale * rng.nextGaussian());
            }
        }
        return Nd4j.create(values).castTo(DataType.FLOAT);
    }

    private static INDArray oneHotRows(Random rng, int rows, int classes) {
        float[][] values = new float[rows][classes];
        for (float[] row : values) {
            row[rng.nextInt(classes)] = 1;
        }
        return Nd4j.create(values).castTo(DataType.FLOAT);
    }

    /** Central difference of example {@code i}'s score in preOutput entry (i, j), over the step actually taken in float. */
    private static double finiteDifference(ILossFunction loss, INDArray labels, INDArray preOutput, int i, int j) {
        float value = preOutput.getFloat(i, j);
        float up = (float) (value + STEP);
        float down = (float) (value - STEP);
        INDArray plus = preOutput.dup();
        INDArray minus = preOutput.dup();
        plus.putScalar(i, j, up);
        minus.putScalar(i, j, down);
        double scorePlus = loss.computeScoreArray(labels, plus, new ActivationIdentity(), null).getDouble(i, 0);
        double scoreMinus = loss.computeScoreArray(labels, minus, new ActivationIdentity(), null).getDouble(i, 0);
        return (scorePlus - scoreMinus) / ((double) up - down);
    }

    private static void assertClose(double expected, double actual, String where) {
        double tolerance = 1e-2 * Math.max(0.1, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= tolerance,
                where + ": analytic " + actual + " vs finite difference " + expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3})
    void categoricalGradientMatchesFiniteDifferences(double entropyBonus) {
        Random rng = new Random(17);
        CategoricalNllLoss loss = new CategoricalNllLoss(entropyBonus);
        INDArray preOutput = gaussianMatrix(rng, 6, 4, 2.0);
        INDArray labels = oneHotRows(rng, 6, 4);

        INDArray gradient = loss.computeGradient(labels, preOutput, new ActivationIdentity(), null);

        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                assertClose(finiteDifference(loss, labels, preOutput, i, j), gradient.getDouble(i, j),
                        "example " + i + ", logit " + j);
            }
        }
    }

    @Test
    void categoricalEntropyBonusChangesTheGradient() {
        Random rng = new Random(17);
        INDArray preOutput = gaussianMatrix(rng, 6, 4, 2.0);
        INDArray labels = oneHotRows(rng, 6, 4);

        INDArray plain = new CategoricalNllLoss(0).computeGradient(labels, preOutput, new ActivationIdentity(), null);
        INDArray bonus = new CategoricalNllLoss(0.3).computeGradient(labels, preOutput, new ActivationIdentity(), null);

        assertTrue(plain.sub(bonus).amaxNumber().doubleValue() > 1e-2);
    }

    /**
     * Checks the squashed-Gaussian gradient for β-NLL, whose weight σ^(2β) is a constant for the
     * gradient: the mean outputs do not touch the weight, so their gradient must equal the finite
     * difference; for the log-std outputs, the finite difference includes the weight's own
     * derivative 2β w dlogσ/draw · (½ z² + log σ + ½ log 2π), which is subtracted first.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 1.0})
    void squashedGaussianGradientMatchesFiniteDifferencesWithTheWeightFrozen(double beta) {
        int d = 3;
        Random rng = new Random(29);
        SquashedGaussianNllLoss loss = new SquashedGaussianNllLoss(0.2, beta);
        INDArray means = gaussianMatrix(rng, 5, d, 1.0);
        INDArray rawLogStd = gaussianMatrix(rng, 5, d, 0.5);
        INDArray preOutput = Nd4j.hstack(means, rawLogStd);
        INDArray labels = gaussianMatrix(rng, 5, d, 1.5);

        INDArray gradient = loss.computeGradient(labels, preOutput, new ActivationIdentity(), null);

        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < d; j++) {
                assertClose(finiteDifference(loss, labels, preOutput, i, j), gradient.getDouble(i, j),
                        "beta " + beta + ", example " + i + ", mean " + j);

                double raw = rawLogStd.getDouble(i, j);
                double logStd = -1.5 + 3.5 * Math.tanh(raw);
                double dLogStdDRaw = 3.5 * (1 - Math.tanh(raw) * Math.tanh(raw));
                double z = (labels.getDouble(i, j) - means.getDouble(i, j)) * Math.exp(-logStd);
                double weight = Math.exp(2 * beta * logStd);
                double nll = 0.5 * z * z + logStd + 0.5 * Math.log(2 * Math.PI);
                double weightDerivative = 2 * beta * weight * dLogStdDRaw * nll;
                assertClose(finiteDifference(loss, labels, preOutput, i, d + j) - weightDerivative,
                        gradient.getDouble(i, d + j), "beta " + beta + ", example " + i + ", log-std " + j);
            }
        }
    }

    @Test
    void fullVarianceWeightingGivesTheMeanTheGradientOfSquaredError() {
        // with β = 1 the mean gradient is σ² · (μ - u) / σ² = μ - u, whatever σ is
        SquashedGaussianNllLoss loss = new SquashedGaussianNllLoss(0, 1);
        INDArray preOutput = Nd4j.create(new float[][] {{0.5f, -2f, 1.3f, -0.7f}}).castTo(DataType.FLOAT);
        INDArray labels = Nd4j.create(new float[][] {{1.25f, -1f}}).castTo(DataType.FLOAT);

        INDArray gradient = loss.computeGradient(labels, preOutput, new ActivationIdentity(), null);

        assertEquals(0.5 - 1.25, gradient.getDouble(0, 0), 1e-5);
        assertEquals(-2 - -1, gradient.getDouble(0, 1), 1e-5);
    }

    @Test
    void squashedGaussianLossRejectsOutputsThatAreNotTwicePerActionDimension() {
        SquashedGaussianNllLoss loss = new SquashedGaussianNllLoss(0, 0);
        INDArray preOutput = Nd4j.zeros(DataType.FLOAT, 2, 3);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 2, 2);

        assertRejected(() -> loss.computeScoreArray(labels, preOutput, new ActivationIdentity(), null),
                "expected 4 outputs for 2 action dimensions, found 3");
    }

    private static MultiLayerNetwork fourSixteenThree(ILossFunction loss, org.nd4j.linalg.activations.Activation output,
            IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(updater).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new OutputLayer.Builder(loss).nIn(16).nOut(3).activation(output).build())
                .build());
        net.init();
        return net;
    }

    /**
     * SGD makes any difference in gradient scale visible (Adam would largely hide it); Adam checks
     * the convention under the optimiser behaviour cloning actually uses.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void categoricalLossTrainsExactlyLikeDl4jCrossEntropyWithSoftmax(String optimiser) {
        IUpdater updater = optimiser.equals("sgd") ? new Sgd(0.5) : new Adam(1e-2);
        MultiLayerNetwork ours = fourSixteenThree(new CategoricalNllLoss(0), org.nd4j.linalg.activations.Activation.IDENTITY,
                updater);
        MultiLayerNetwork dl4j = fourSixteenThree(new LossMCXENT(), org.nd4j.linalg.activations.Activation.SOFTMAX,
                updater.clone());
        dl4j.setParams(ours.params().dup());
        INDArray initial = ours.params().dup();
        Random rng = new Random(8);
        DataSet batch = new DataSet(gaussianMatrix(rng, 32, 4, 1.0), oneHotRows(rng, 32, 3));

        for (int step = 0; step < 20; step++) {
            ours.fit(batch);
            dl4j.fit(batch);
        }

        double moved = ours.params().sub(initial).amaxNumber().doubleValue();
        double difference = ours.params().sub(dl4j.params()).amaxNumber().doubleValue();
        assertTrue(moved > 0.05, "training barely moved the parameters: " + moved);
        assertTrue(difference <= 1e-4, "parameters differ by up to " + difference);
    }
}
