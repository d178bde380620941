package dev.apprentice.il.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plain-Java engine must train exactly as DL4J does: same initial weights, same gradients,
 * same Adam steps (with weight decay and per-layer clipping), for every loss the trainers use.
 */
class TrainingEngineParityTest {

    private static final int ROWS = 48;

    /** A loss with its output width and a generator of label rows. */
    private record Case(String name, PlainJavaLoss loss, int inputs, int outputs, IntFunction<float[]> labels) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> losses() {
        return Stream.of(
                new Case("categorical NLL + entropy", new CategoricalNllLoss(0.01), 6, 3, seed -> oneHot(seed, 3)),
                new Case("squashed Gaussian β-NLL", new SquashedGaussianNllLoss(0.01, 0.5), 6, 4,
                        seed -> gaussian(seed, ROWS * 2, 0.8)),
                new Case("PPO categorical", new PpoClippedLoss(false, 0.2, 0.01), 6, 3, TrainingEngineParityTest::ppoCategorical),
                new Case("PPO Gaussian", new PpoClippedLoss(true, 0.2, 0.01), 6, 4, TrainingEngineParityTest::ppoGaussian),
                new Case("discriminator GAN + gradient penalty", new DiscriminatorLoss(false, 10, 0.01, 6), 6, 1,
                        TrainingEngineParityTest::discriminatorRoles),
                new Case("discriminator least squares", new DiscriminatorLoss(true, 0, 0.01, 6), 6, 1,
                        TrainingEngineParityTest::discriminatorRoles),
                new Case("mean squared error", new MeanSquaredErrorLoss(), 6, 1, seed -> gaussian(seed, ROWS, 2)));
    }

    static Stream<Arguments> lossesAndActivations() {
        return losses().flatMap(c -> Stream.of(Arguments.of(c, Activation.TANH), Arguments.of(c, Activation.RELU)));
    }

    private static PolicyNetworks.Spec spec(Case c, Activation activation, double weightDecay, double clip,
            TrainingEngine engine) {
        return new PolicyNetworks.Spec(c.inputs(), new int[] {32, 16}, activation, c.outputs(), c.loss(), 3e-3, weightDecay,
                17, clip, engine);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("lossesAndActivations")
    void gradientsMatchDl4j(Case c, Activation activation) {
        PlainJavaNetwork plain = (PlainJavaNetwork) PolicyNetworks.build(spec(c, activation, 0, 0, TrainingEngine.PLAIN_JAVA));
        Dl4jNetwork dl4j = (Dl4jNetwork) PolicyNetworks.build(spec(c, activation, 0, 0, TrainingEngine.DL4J));
        float[] x = gaussian(1, ROWS * c.inputs(), 1.5);
        float[] y = c.labels().apply(2);

        float[] ours = plain.gradient(x, y, ROWS);
        float[] theirs = dl4j.gradient(x, y, ROWS);

        assertClose(theirs, ours, 2e-4, "gradient");
        assertTrue(maxAbs(ours) > 1e-3, "gradient too small to compare: " + maxAbs(ours));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void adamStepsWithWeightDecayAndClippingMatchDl4j(Case c) {
        TrainableNetwork plain = PolicyNetworks.build(spec(c, Activation.TANH, 1e-2, 0.05, TrainingEngine.PLAIN_JAVA));
        TrainableNetwork dl4j = PolicyNetworks.build(spec(c, Activation.TANH, 1e-2, 0.05, TrainingEngine.DL4J));
        assertClose(dl4j.parameters(), plain.parameters(), 0, "initial parameters");
        float[] before = plain.parameters();

        for (int step = 0; step < 5; step++) {
            float[] x = gaussian(10 + step, ROWS * c.inputs(), 1.5);
            float[] y = c.labels().apply(20 + step);
            if (c.loss() instanceof DiscriminatorLoss) {
                pairPenaltyRows(x, c.inputs());
            }
            double ourLoss = plain.fit(x, y, ROWS);
            double theirLoss = dl4j.fit(x, y, ROWS);
            assertEquals(theirLoss, ourLoss, 1e-4 * Math.max(1, Math.abs(theirLoss)), "loss at step " + step);
        }

        // The gradient penalty's central difference (y(x + h·u) − y(x − h·u)) / 2h cancels digits,
        // so summation order (BLAS against plain loops) shows more there.
        double tolerance = c.loss() instanceof DiscriminatorLoss d && d.getGradientPenalty() > 0 ? 2e-4 : 2e-5;
        assertClose(dl4j.parameters(), plain.parameters(), tolerance, "parameters after 5 steps");
        float[] after = plain.parameters();
        double moved = 0;
        for (int i = 0; i < after.length; i++) {
            moved = Math.max(moved, Math.abs(after[i] - before[i]));
        }
        assertTrue(moved > 1e-3, "the steps barely moved the parameters: " + moved);
    }

    @Test
    void outputsAndExportMatchDl4j() {
        Case c = losses().findFirst().orElseThrow();
        TrainableNetwork plain = PolicyNetworks.build(spec(c, Activation.TANH, 0, 0, TrainingEngine.PLAIN_JAVA));
        TrainableNetwork dl4j = PolicyNetworks.build(spec(c, Activation.TANH, 0, 0, TrainingEngine.DL4J));
        float[] x = gaussian(3, ROWS * c.inputs(), 1.5);
        assertClose(dl4j.output(x, ROWS), plain.output(x, ROWS), 1e-5, "outputs");
        DenseNetwork exported = plain.export();
        float[] row = java.util.Arrays.copyOf(x, c.inputs());
        assertClose(java.util.Arrays.copyOf(plain.output(x, ROWS), c.outputs()), exported.forward(row), 1e-6, "export");
    }

    @Test
    void outputsOfMoreRowsThanOneSliceMatchDl4j() {
        Case c = losses().findFirst().orElseThrow();
        TrainableNetwork plain = PolicyNetworks.build(spec(c, Activation.TANH, 0, 0, TrainingEngine.PLAIN_JAVA));
        TrainableNetwork dl4j = PolicyNetworks.build(spec(c, Activation.TANH, 0, 0, TrainingEngine.DL4J));
        int rows = 2_500;
        float[] x = gaussian(4, rows * c.inputs(), 1.5);
        assertClose(dl4j.output(x, rows), plain.output(x, rows), 1e-5, "outputs of " + rows + " rows");
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = Math.max(1e-3, maxAbs(expected));
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(expected[i] - actual[i]);
            assertTrue(diff <= tolerance * scale, what + " differ at " + i + ": DL4J " + expected[i] + ", plain Java "
                    + actual[i] + " (scale " + scale + ")");
        }
    }

    /** Makes each "minus" penalty row the matching "plus" row moved by 2h along a random unit direction, as the discriminator does. */
    private static void pairPenaltyRows(float[] x, int width) {
        float[] u = gaussian(99, width, 1);
        double norm = 0;
        for (float v : u) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        int quarter = ROWS / 4;
        for (int k = 0; k < quarter; k++) {
            for (int j = 0; j < width; j++) {
                x[(3 * quarter + k) * width + j] = (float) (x[(2 * quarter + k) * width + j] - 2 * 0.01 * u[j] / norm);
            }
        }
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static float[] gaussian(int seed, int n, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (scale * rng.nextGaussian());
        }
        return out;
    }

    private static float[] oneHot(int seed, int classes) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[ROWS * classes];
        for (int i = 0; i < ROWS; i++) {
            out[i * classes + rng.nextInt(classes)] = 1;
        }
        return out;
    }

    private static float[] ppoCategorical(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[ROWS * 3];
        for (int i = 0; i < ROWS; i++) {
            out[3 * i] = rng.nextInt(3);
            out[3 * i + 1] = (float) Math.log(0.2 + 0.6 * rng.nextDouble());
            out[3 * i + 2] = (float) rng.nextGaussian();
        }
        return out;
    }

    private static float[] ppoGaussian(int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[ROWS * 4];
        for (int i = 0; i < ROWS; i++) {
            out[4 * i] = (float) rng.nextGaussian();
            out[4 * i + 1] = (float) rng.nextGaussian();
            out[4 * i + 2] = (float) (-2 - rng.nextDouble());
            out[4 * i + 3] = (float) rng.nextGaussian();
        }
        return out;
    }

    /** A quarter each of expert, generated, and penalty-pair rows (k-th plus row paired with the k-th minus row). */
    private static float[] discriminatorRoles(int seed) {
        float[] out = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            out[i] = switch (4 * i / ROWS) {
                case 0 -> DiscriminatorLoss.EXPERT;
                case 1 -> DiscriminatorLoss.GENERATED;
                case 2 -> DiscriminatorLoss.PENALTY_PLUS;
                default -> DiscriminatorLoss.PENALTY_MINUS;
            };
        }
        return out;
    }
}
